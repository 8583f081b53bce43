import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { ResolvedDatabaseArgs } from "./defaults";
import type { DatabaseOutputs } from "./types";

/**
 * Special characters of the generated password: printable ASCII that RDS accepts (no `/`, `'`, `"`,
 * `@` or space) and Cloud SQL and the postgres image take as is. The connection string URL-encodes them.
 */
export const PASSWORD_SPECIALS = "!#$%&*()-_=+[]{}<>:?";

/** The admin password: 32 random characters, a Pulumi secret; `protect`ed like the database it opens. */
export function adminPassword(parent: pulumi.Resource, name: string, resolved: ResolvedDatabaseArgs): random.RandomPassword {
  return new random.RandomPassword(
    `${name}-password`,
    { length: 32, special: true, overrideSpecial: PASSWORD_SPECIALS, minLower: 1, minUpper: 1, minNumeric: 1 },
    { parent, protect: resolved.protect },
  );
}

/** `require` where the server enforces TLS (RDS, Cloud SQL); `disable` for the in-cluster server. */
export type SslMode = "require" | "disable";

/** Builds the component outputs; the password and the connection string stay secret. */
export function databaseOutputs(args: {
  host: pulumi.Input<string>;
  port: pulumi.Input<number>;
  resolved: ResolvedDatabaseArgs;
  password: random.RandomPassword;
  sslMode: SslMode;
}): DatabaseOutputs {
  const { resolved, password } = args;
  const host = pulumi.output(args.host);
  const port = pulumi.output(args.port);
  const user = encodeURIComponent(resolved.username);
  const db = encodeURIComponent(resolved.databaseName);
  const encoded = password.result.apply((p) => encodeURIComponent(p));
  return {
    host,
    port,
    databaseName: pulumi.output(resolved.databaseName),
    username: pulumi.output(resolved.username),
    password: pulumi.secret(password.result),
    connectionString: pulumi.secret(pulumi.interpolate`postgresql://${user}:${encoded}@${host}:${port}/${db}?sslmode=${args.sslMode}`),
  };
}
