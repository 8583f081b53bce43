/** A block device mapping as LaunchTemplate and Instance state it (AWS::EC2::*, camelCased). */
export interface BlockDeviceMapping {
  deviceName?: string;
  ebs?: { encrypted?: boolean; kmsKeyId?: string };
}

/** A network interface as LaunchTemplate and Instance state it. */
export interface NetworkInterface {
  associatePublicIpAddress?: boolean;
  deviceIndex?: string | number;
}

/** The metadata service options. */
export interface MetadataOptions {
  httpEndpoint?: string;
  httpTokens?: string;
}

/** The instance settings the EC2 policies read; a LaunchTemplate holds them in `launchTemplateData`. */
export interface InstanceSettings {
  blockDeviceMappings?: BlockDeviceMapping[];
  networkInterfaces?: NetworkInterface[];
  metadataOptions?: MetadataOptions;
}

export interface NativeLaunchTemplate {
  launchTemplateData?: InstanceSettings;
}

export interface NativeInstance extends InstanceSettings {
  launchTemplate?: unknown;
}

export const LAUNCH_TEMPLATE = "aws-native:ec2:LaunchTemplate";
export const INSTANCE = "aws-native:ec2:Instance";
