import { describe, expect, it } from "@jest/globals";
import { parseGcpPorts } from "../../lib/network";
import { res, violations } from "../../testing";

const FIREWALL = "gcp:compute/firewall:Firewall";
const fw = (inputs: Record<string, unknown>) => res(FIREWALL, "fw", { network: "default", ...inputs });

describe("gcp-compute-no-public-ingress", () => {
  const policy = "gcp-compute-no-public-ingress";

  it("passes HTTP/HTTPS from anywhere and SSH from a private range", async () => {
    const web = fw({ sourceRanges: ["0.0.0.0/0", "::/0"], allows: [{ protocol: "tcp", ports: ["80", "443"] }] });
    const ssh = { ...fw({ sourceRanges: ["10.0.0.0/8"], allows: [{ protocol: "tcp", ports: ["22"] }] }), urn: "urn:x::ssh", name: "ssh" };
    expect(await violations(policy, [web, ssh])).toEqual([]);
  });

  it("passes egress rules and disabled rules", async () => {
    const egress = fw({ direction: "EGRESS", destinationRanges: ["0.0.0.0/0"], allows: [{ protocol: "all" }] });
    const disabled = { ...fw({ disabled: true, sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "tcp", ports: ["22"] }] }), urn: "urn:x::d", name: "d" };
    expect(await violations(policy, [egress, disabled])).toEqual([]);
  });

  it("flags SSH open to ::/0", async () => {
    expect(await violations(policy, [fw({ sourceRanges: ["::/0"], allows: [{ protocol: "tcp", ports: ["22"] }] })])).toEqual(["allows tcp 22 from ::/0."]);
  });

  it("flags a rule without any source, which GCP applies to 0.0.0.0/0", async () => {
    expect(await violations(policy, [fw({ allows: [{ protocol: "tcp" }] })])).toEqual(["allows tcp (all ports) from 0.0.0.0/0 (no source given)."]);
  });

  it("flags all protocols from anywhere", async () => {
    expect(await violations(policy, [fw({ sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "all" }] })])).toEqual(["allows all traffic from 0.0.0.0/0."]);
  });

  it("parses GCP port ranges", () => {
    expect(parseGcpPorts(["22", "8000-8080"])).toEqual([
      { fromPort: 22, toPort: 22 },
      { fromPort: 8000, toPort: 8080 },
    ]);
    expect(parseGcpPorts([])).toBeUndefined();
  });
});
