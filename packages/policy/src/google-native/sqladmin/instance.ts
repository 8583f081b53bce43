/** The google-native Cloud SQL instance inputs the sqladmin policies read (v1 and v1beta4 share them). */
export interface NativeSqlInstance {
  settings?: {
    ipConfiguration?: { ipv4Enabled?: boolean; requireSsl?: boolean; sslMode?: string };
  };
}

export const SQL_INSTANCE_TYPES: readonly string[] = ["google-native:sqladmin/v1:Instance", "google-native:sqladmin/v1beta4:Instance"];
