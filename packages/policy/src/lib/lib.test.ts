import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { kubeconfigNamespace } from "./kubernetes";
import { describePorts, isWorldCidr, onlyAllowedPorts } from "./network";

describe("network helpers", () => {
  it("recognises world CIDRs in both address families", () => {
    expect(["0.0.0.0/0", "::/0", " ::0/0 "].map(isWorldCidr)).toEqual([true, true, true]);
    expect(["10.0.0.0/8", "0.0.0.0/1", "::/64", "1.2.3.4"].map(isWorldCidr)).toEqual([false, false, false, false]);
  });

  it("allows only TCP ranges made of allowed ports", () => {
    expect(onlyAllowedPorts({ protocol: "tcp", fromPort: 443, toPort: 443 }, [80, 443])).toBe(true);
    expect(onlyAllowedPorts({ protocol: "6", fromPort: 80, toPort: 80 }, [80, 443])).toBe(true);
    expect(onlyAllowedPorts({ protocol: "tcp", fromPort: 80, toPort: 443 }, [80, 443])).toBe(false);
    expect(onlyAllowedPorts({ protocol: "-1", fromPort: 0, toPort: 0 }, [80, 443])).toBe(false);
    expect(onlyAllowedPorts({ protocol: "udp", fromPort: 443, toPort: 443 }, [80, 443])).toBe(false);
    expect(onlyAllowedPorts({ protocol: "tcp" }, [80, 443])).toBe(false);
    expect(onlyAllowedPorts({ protocol: "tcp", fromPort: NaN, toPort: NaN }, [80, 443])).toBe(false);
  });

  it("never allows a TCP range that contains SSH (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 22 }), fc.integer({ min: 22, max: 65535 }), (from, to) => !onlyAllowedPorts({ protocol: "tcp", fromPort: from, toPort: to }, [80, 443])),
    );
  });

  it("describes ports for messages", () => {
    expect(describePorts({ protocol: "TCP", fromPort: 22, toPort: 22 })).toBe("tcp 22");
    expect(describePorts({ protocol: "all" })).toBe("all traffic");
  });
});

describe("kubeconfig namespace", () => {
  const json = JSON.stringify({
    contexts: [
      { name: "admin", context: { cluster: "c" } },
      { name: "team", context: { cluster: "c", namespace: "ml" } },
    ],
    "current-context": "admin",
  });
  const noContext = () => undefined;

  it("reads the current or the chosen context of a JSON kubeconfig, default when it names no namespace", () => {
    expect(kubeconfigNamespace(json, noContext)).toEqual({ namespace: "default", context: "admin" });
    expect(kubeconfigNamespace(json, () => "team")).toEqual({ namespace: "ml", context: "team" });
    expect(kubeconfigNamespace(json, () => "missing")).toBeUndefined();
  });

  it("tells a YAML kubeconfig's namespace only when it names none", () => {
    const yaml = "apiVersion: v1\ncontexts:\n- name: gke\n  context:\n    cluster: gke\ncurrent-context: gke\n";
    expect(kubeconfigNamespace(yaml, noContext)).toEqual({ namespace: "default" });
    expect(kubeconfigNamespace(yaml.replace("cluster: gke\n", "cluster: gke\n    namespace: ml\n"), noContext)).toBeUndefined();
  });

  it("cannot tell anything from a path to a kubeconfig file", () => {
    expect(kubeconfigNamespace("/home/ci/.kube/config", noContext)).toBeUndefined();
  });
});
