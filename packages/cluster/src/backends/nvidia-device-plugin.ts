import type * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { kubernetesLabels, type Tags } from "@mlops/core";
import { NODE_GROUP_LABEL } from "./aws-nodes";

/**
 * The NVIDIA Kubernetes device plugin release (NVIDIA/k8s-device-plugin, static manifest
 * `deployments/static/nvidia-device-plugin.yml`). v0.17.1 is a published release on nvcr.io; the
 * plugin talks to the driver through NVML and the kubelet's device-plugin gRPC API, which are
 * stable across the Kubernetes minors the platform supports, so one pin serves every version.
 */
export const NVIDIA_DEVICE_PLUGIN_IMAGE = "nvcr.io/nvidia/k8s-device-plugin:v0.17.1";
export const NVIDIA_DEVICE_PLUGIN_NAME = "nvidia-device-plugin";
export const NVIDIA_DEVICE_PLUGIN_NAMESPACE = "kube-system";
/** Where the kubelet watches for device-plugin sockets; the plugin registers there. */
export const DEVICE_PLUGIN_DIR = "/var/lib/kubelet/device-plugins";

/**
 * The NVIDIA device plugin as a DaemonSet on the GPU nodes only: it advertises `nvidia.com/gpu`
 * to the kubelet, without which no Pod asking for a GPU ever schedules. The EKS NVIDIA AMI
 * ships the driver and makes the NVIDIA container runtime the default, which hands the devices
 * to the container: the plugin needs neither privileges nor the host network (upstream's static
 * manifest runs it exactly so), only the kubelet's device-plugin directory.
 */
export function nvidiaDevicePlugin(parent: pulumi.Resource, name: string, args: { provider: k8s.Provider; tags: Tags }): k8s.apps.v1.DaemonSet {
  const selector = { "app.kubernetes.io/name": NVIDIA_DEVICE_PLUGIN_NAME };
  const labels = { ...kubernetesLabels(args.tags), ...selector };
  return new k8s.apps.v1.DaemonSet(`${name}-nvidia-device-plugin`, {
    metadata: { name: NVIDIA_DEVICE_PLUGIN_NAME, namespace: NVIDIA_DEVICE_PLUGIN_NAMESPACE, labels },
    spec: {
      selector: { matchLabels: selector },
      updateStrategy: { type: "RollingUpdate" },
      template: {
        metadata: { labels },
        spec: {
          // Evicted last under node pressure: without it the node's GPUs disappear from the scheduler.
          priorityClassName: "system-node-critical",
          // The GPU node group's label (aws-nodes.ts); other nodes have no GPU to advertise.
          nodeSelector: { [NODE_GROUP_LABEL]: "gpu" },
          tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
          // The kubelet API needs no token.
          automountServiceAccountToken: false,
          containers: [{
            name: NVIDIA_DEVICE_PLUGIN_NAME,
            image: NVIDIA_DEVICE_PLUGIN_IMAGE,
            imagePullPolicy: "IfNotPresent",
            // Upstream's default for the static manifest: a node whose driver is not ready yet keeps the plugin waiting, not crash-looping.
            env: [{ name: "FAIL_ON_INIT_ERROR", value: "false" }],
            // Requests only: a memory limit could OOM-kill the plugin and take the node's GPUs away.
            resources: { requests: { cpu: "50m", memory: "64Mi" } },
            // Root in the container (the socket directory is root's on the host) but no capability, no escalation.
            securityContext: { privileged: false, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
            volumeMounts: [{ name: "device-plugin", mountPath: DEVICE_PLUGIN_DIR }],
          }],
          volumes: [{ name: "device-plugin", hostPath: { path: DEVICE_PLUGIN_DIR, type: "Directory" } }],
        },
      },
    },
  }, { parent, provider: args.provider });
}
