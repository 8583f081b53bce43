/**
 * Elastic Load Balancing security policies that negotiate TLS 1.2 or newer only: the TLS 1.3
 * policies with a TLS 1.2 or 1.3 floor (`ELBSecurityPolicy-TLS13-1-2-2021-06`,
 * `...-TLS13-1-3-2021-06`, FIPS, Res, Ext and PQ variants), the forward-secrecy TLS 1.2 policies
 * (`ELBSecurityPolicy-FS-1-2-*`) and the TLS 1.2 policies (`ELBSecurityPolicy-TLS-1-2-2017-01`,
 * `...-TLS-1-2-Ext-2018-06`). Not `TLS13-1-0-*` / `TLS13-1-1-*`: despite the name they accept
 * TLS 1.0 and 1.1 clients.
 */
const MODERN = /^ELBSecurityPolicy-(TLS13-1-[23]-|FS-1-2-|TLS-1-2-)/;

export const isModernTlsPolicy = (policy: string): boolean => MODERN.test(policy);

/** The policy AWS applies to an HTTPS or TLS listener that names none (it accepts TLS 1.0). */
export const DEFAULT_ELB_TLS_POLICY = "ELBSecurityPolicy-2016-08";

/** A policy to suggest in messages. */
export const RECOMMENDED_ELB_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
