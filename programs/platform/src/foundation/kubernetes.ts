import * as k8s from "@pulumi/kubernetes";
import { kubernetesLabels, physicalName } from "@mlops/core";
import type { FoundationBuilder } from "./types";

/**
 * The in-cluster base layer (local / Kind): the data namespace with Pod Security labels for the
 * tier, a default-deny NetworkPolicy and explicit allows for DNS and traffic inside the namespace.
 */
export const kubernetesFoundation: FoundationBuilder = (config, tags, providers) => {
  const opts = { provider: providers.primary };
  const name = physicalName([config.kubernetes.namespacePrefix, "data"]);
  const ns = new k8s.core.v1.Namespace(
    "data",
    {
      metadata: {
        name,
        labels: {
          ...kubernetesLabels(tags),
          "pod-security.kubernetes.io/enforce": config.podSecurity,
          "pod-security.kubernetes.io/audit": "restricted",
          "pod-security.kubernetes.io/warn": "restricted",
        },
      },
    },
    opts,
  );
  const namespace = ns.metadata.name;
  const meta = (n: string) => ({ name: n, namespace, labels: kubernetesLabels(tags) });
  new k8s.networking.v1.NetworkPolicy(
    "data-default-deny",
    { metadata: meta("default-deny"), spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } },
    opts,
  );
  new k8s.networking.v1.NetworkPolicy(
    "data-allow-dns",
    {
      metadata: meta("allow-dns"),
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
            ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }],
          },
        ],
      },
    },
    opts,
  );
  new k8s.networking.v1.NetworkPolicy(
    "data-allow-same-namespace-egress",
    { metadata: meta("allow-same-namespace-egress"), spec: { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ podSelector: {} }] }] } },
    opts,
  );
  return { placement: { kubernetes: { namespace } }, outputs: { dataNamespace: namespace } };
};
