import { describe, expect, it } from "@jest/globals";
import { res, violations } from "../../testing";

const firewall = (inputs: Record<string, unknown>, type = "google-native:compute/v1:Firewall") => res(type, "fw", { network: "n", ...inputs });

describe("google-native-compute-firewall-no-public-ingress", () => {
  const policy = "google-native-compute-firewall-no-public-ingress";

  it("passes web ports from anywhere, SSH from IAP's range and egress", async () => {
    expect(
      await violations(policy, [
        firewall({ sourceRanges: ["0.0.0.0/0"], allowed: [{ ipProtocol: "tcp", ports: ["80", "443"] }] }),
        firewall({ sourceRanges: ["35.235.240.0/20"], allowed: [{ ipProtocol: "tcp", ports: ["22"] }] }),
        firewall({ direction: "EGRESS", destinationRanges: ["0.0.0.0/0"], allowed: [{ ipProtocol: "all" }] }),
      ]),
    ).toEqual([]);
  });

  it("flags SSH from anywhere and any traffic from an unspecified source", async () => {
    expect(
      await violations(policy, [
        firewall({ sourceRanges: ["0.0.0.0/0"], allowed: [{ ipProtocol: "tcp", ports: ["22"] }] }, "google-native:compute/beta:Firewall"),
        firewall({ allowed: [{ ipProtocol: "all" }] }),
      ]),
    ).toEqual([
      "allows tcp 22 from 0.0.0.0/0: narrow sourceRanges, or reach the service through IAP or a load balancer.",
      "allows all traffic from 0.0.0.0/0 (no source given): narrow sourceRanges, or reach the service through IAP or a load balancer.",
    ]);
  });
});

describe("google-native-compute-firewall-policy-no-public-ingress", () => {
  const policy = "google-native-compute-firewall-policy-no-public-ingress";
  const rule = (priority: number, match: Record<string, unknown>, action = "allow") => ({ priority, action, direction: "INGRESS", match });

  it("passes HTTPS from anywhere and internal rules", async () => {
    expect(
      await violations(policy, [
        res("google-native:compute/v1:NetworkFirewallPolicy", "p", {
          rules: [rule(100, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "tcp", ports: ["443"] }] }), rule(200, { srcIpRanges: ["10.0.0.0/8"], layer4Configs: [{ ipProtocol: "all" }] })],
        }),
      ]),
    ).toEqual([]);
  });

  it("flags inbound HTTP from the internet in a hierarchical policy's rules", async () => {
    expect(
      await violations(policy, [
        res("google-native:compute/v1:FirewallPolicy", "p", {
          parentId: "organizations/1",
          rules: [rule(100, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "tcp", ports: ["80"] }] }), rule(200, { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "all" }] }, "deny")],
        }),
      ]),
    ).toEqual(["rules[0] (priority 100) would allow tcp 80 (plaintext HTTP) from 0.0.0.0/0: narrow match.srcIpRanges, or serve HTTPS (443) only."]);
  });
});
