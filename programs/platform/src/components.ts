import * as pulumi from "@pulumi/pulumi";
import { ObjectStore } from "@mlops/storage";
import { Database } from "@mlops/database";
import { Cache } from "@mlops/cache";
import { Cluster, DEFAULT_KIND_CONTEXT } from "@mlops/cluster";
import { Network } from "@mlops/network";
import { Tenancy } from "@mlops/tenancy";
import { NETWORK_DEFAULTS, awsCustomerKey, type Slot, type StackConfig } from "@mlops/core";
import type { RegistryEntry, StackContext } from "./registry";
import { clusterNetwork } from "./cluster-network";

const always = () => true;
/** gcp: the Google APIs the chosen modules need besides the Network's base set. */
const gcpModuleApis = (c: StackConfig): string[] => [
  ...(c.modules.dataPipeline === "pubsub" ? ["pubsub.googleapis.com"] : []),
  ...(c.modules.mlPlatform === "vertex" ? ["aiplatform.googleapis.com"] : []),
  ...(c.modules.serving === "cloudrun" ? ["run.googleapis.com"] : []),
];
/** kubernetes: the namespaces whose pods use the data services (Tenancy's clients), for their NetworkPolicies. */
const dataClients = (ctx: StackContext) => (ctx.tenancy && ctx.config.backend === "kubernetes" ? { clientNamespaces: [...ctx.tenancy.clientNamespaces] } : {});
/** The wiring every data service takes: the shared key, the stack's backup policy, its clients. */
const dataWiring = (ctx: StackContext) => ({
  ...(ctx.dataKeyId ? { kmsKeyId: ctx.dataKeyId } : {}),
  backup: { schedule: ctx.config.backup.schedule, retentionDays: ctx.config.backup.retentionDays },
  ...dataClients(ctx),
});
/** A component not built yet: its config is validated, and the plan names the keys it would read. */
const planned = (id: string, layer: RegistryEntry["layer"], sections: RegistryEntry["sections"], enabled: (c: StackConfig) => boolean, slot?: Slot): RegistryEntry => ({
  id, layer, sections, status: "planned", enabled, build: () => undefined, ...(slot ? { slot } : {}),
});

/**
 * Every component of the platform, in layer order: `stack.ts` builds the enabled ones. A new
 * component is one entry here; its config section is its settings schema in @mlops/core.
 */
export const REGISTRY: readonly RegistryEntry[] = [
  {
    id: "network",
    layer: "network",
    sections: ["network"],
    status: "built",
    // In-cluster (local) the namespace is the boundary: the tenancy entry sets placement.kubernetes.
    enabled: (c) => c.backend !== "kubernetes",
    build(ctx) {
      const c = ctx.config;
      const network = new Network("network", {
        ...ctx.base(),
        ...c.network,
        region: c.region,
        ...(c.backend === "gcp" ? { project: c.gcpProject as string, apis: gcpModuleApis(c) } : {}),
      }, ctx.componentOpts());
      ctx.network = network;
      ctx.placement = { ...ctx.placement, ...network.placement };
      if (c.backend === "aws") {
        // Not the network's: the data services' shared key, at the stack root where it shipped.
        const key = awsCustomerKey("data-key", { description: `${c.project}-${c.stack} data services`, tags: ctx.tags }, { provider: ctx.providers.primary, protect: c.protect });
        ctx.dataKeyId = key.arn;
        Object.assign(ctx.outputs, { vpcId: network.networkId, privateSubnetIds: network.privateSubnetIds });
      } else {
        Object.assign(ctx.outputs, { networkId: network.networkId, subnetId: network.privateSubnetIds.apply((ids) => ids[0]) });
      }
    },
  },
  {
    id: "cluster",
    layer: "cluster",
    sections: ["cluster", "kubernetes"],
    status: "built",
    enabled: always,
    build(ctx) {
      const c = ctx.config;
      const local = c.backend === "kubernetes";
      const cluster = new Cluster("cluster", {
        ...ctx.base(),
        ...c.cluster,
        teams: c.teams,
        ...clusterNetwork(ctx),
        // The local stack's provider was the root-level "kind" provider: same URN through the alias.
        ...(local ? { context: c.kubernetes.context ?? DEFAULT_KIND_CONTEXT, providerAliases: [{ name: "kind", parent: pulumi.rootStackResource }] } : {}),
      }, ctx.componentOpts());
      ctx.cluster = cluster;
      ctx.outputs["clusterName"] = cluster.name;
      ctx.outputs["clusterEndpoint"] = cluster.endpoint;
      ctx.outputs["kubeconfig"] = pulumi.secret(cluster.kubeconfig);
    },
  },
  {
    id: "tenancy",
    layer: "cluster",
    sections: ["teams", "podSecurity"],
    status: "built",
    enabled: always,
    build(ctx) {
      const c = ctx.config;
      // Every in-cluster object goes through the Cluster's provider (componentOpts carries it).
      if (!ctx.cluster) throw new Error("the tenancy entry needs the cluster entry built first (cluster layer)");
      // Data clients reach the managed services in the VPC (aws) or the private services range (gcp).
      const cidrs = c.backend === "aws" && ctx.network ? [ctx.network.cidr] : c.backend === "gcp" ? [c.network.privateServicesCidr ?? NETWORK_DEFAULTS.privateServicesCidr] : undefined;
      const tenancy = new Tenancy("tenancy", {
        ...ctx.base(),
        namespacePrefix: c.kubernetes.namespacePrefix,
        podSecurity: c.podSecurity,
        teams: c.teams,
        ...(c.backend === "aws" ? { clusterName: ctx.cluster.name } : {}),
        ...(cidrs ? { dataServiceCidrs: cidrs } : {}),
      }, ctx.componentOpts());
      ctx.tenancy = tenancy;
      ctx.placement = { ...ctx.placement, kubernetes: { namespace: tenancy.namespaces.data } };
      ctx.outputs["dataNamespace"] = tenancy.namespaces.data;
      ctx.outputs["namespaces"] = tenancy.namespaces;
      ctx.outputs["teamNamespaces"] = tenancy.teamNamespaces;
    },
  },
  {
    id: "objectStore",
    layer: "data",
    sections: ["objectStore"],
    status: "built",
    enabled: always,
    build(ctx) {
      // `buckets` is the registry's key: one ObjectStore per name, each with the section's settings.
      const { buckets, ...settings } = ctx.config.objectStore;
      const stores = buckets.map((bucket) => [bucket, new ObjectStore(bucket, {
        ...ctx.base(),
        ...settings,
        ...(ctx.dataKeyId ? { kmsKeyId: ctx.dataKeyId } : {}),
        ...(ctx.config.backend === "aws" ? { region: ctx.config.region } : {}),
        ...dataClients(ctx),
      }, ctx.componentOpts())] as const);
      ctx.outputs["buckets"] = Object.fromEntries(stores.map(([k, b]) => [k, b.url]));
    },
  },
  {
    id: "database",
    layer: "data",
    sections: ["database"],
    status: "built",
    enabled: (c) => c.database.enabled,
    build(ctx) {
      const { enabled: _enabled, ...settings } = ctx.config.database;
      const db = new Database("metadata", { ...ctx.base(), ...settings, ...dataWiring(ctx) }, ctx.componentOpts());
      ctx.outputs["databaseHost"] = db.host;
      ctx.outputs["databasePort"] = db.port;
      ctx.outputs["databaseConnectionString"] = pulumi.secret(db.connectionString);
    },
  },
  {
    id: "cache",
    layer: "data",
    sections: ["cache"],
    status: "built",
    enabled: (c) => c.cache.enabled,
    build(ctx) {
      const { enabled: _enabled, ...settings } = ctx.config.cache;
      const cache = new Cache("online", { ...ctx.base(), ...settings, ...dataWiring(ctx) }, ctx.componentOpts());
      ctx.outputs["cacheHost"] = cache.host;
      ctx.outputs["cachePort"] = cache.port;
      // PEM the TLS client must trust (gcp: Memorystore's own CA); "" where the system store suffices.
      ctx.outputs["cacheCaCertificate"] = cache.caCertificate;
      ctx.outputs["cacheConnectionUrl"] = pulumi.secret(cache.connectionUrl);
    },
  },
  planned("streaming", "ml", ["streaming"], (c) => c.modules.dataPipeline !== "none", "dataPipeline"),
  planned("mlPlatform", "ml", [], always, "mlPlatform"),
  planned("featureStore", "ml", [], (c) => c.modules.featureStore !== "none", "featureStore"),
  planned("serving", "ml", ["serving"], always, "serving"),
  planned("observability", "operations", ["alerts"], always, "monitoring"),
  planned("budget", "operations", ["budget"], (c) => c.cloud !== "local"),
  planned("backup", "operations", ["backup", "drRegion"], always),
];
