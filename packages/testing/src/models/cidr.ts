// IPv4 CIDR arithmetic for the awsx VPC model's subnet layout.

export interface Block {
  /** The network address as an unsigned 32-bit number. */
  base: number;
  bits: number;
}

export function parseCidr(cidr: string): Block | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const addr = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { base: addr - (addr % size(bits)), bits };
}

export function size(bits: number): number {
  return 2 ** (32 - bits);
}

export function format(b: Block): string {
  const a = b.base;
  return `${Math.floor(a / 2 ** 24) % 256}.${Math.floor(a / 2 ** 16) % 256}.${Math.floor(a / 2 ** 8) % 256}.${a % 256}/${b.bits}`;
}

/** The `index`-th block of `bits` inside (or after) `b`'s start. */
export function subBlock(b: Block, bits: number, index: number): Block {
  return { base: b.base + index * size(bits), bits };
}

/** The first block of `bits` that starts after `previous` ends (awsx's `nextNetmask`). */
export function nextBlock(previous: Block, bits: number): Block {
  const last = previous.base + size(previous.bits) - 1;
  const aligned = last - (last % size(bits));
  return { base: aligned + size(bits), bits };
}

/** Bits needed to split into `count` parts. */
export function newBits(count: number): number {
  return count <= 1 ? 0 : Math.ceil(Math.log2(count));
}
