// awsx ecr.Repository and ecr.Image (@pulumi/awsx 3, awsx/ecr/repository.ts, image.ts).
// Repository: the aws.ecr.Repository (lower-cased name, the other inputs passed through: forceDelete,
// imageScanningConfiguration, encryptionConfigurations, ...) and, unless `lifecyclePolicy.skip`,
// its lifecycle policy (default: expire untagged images beyond 1).
// Image: no AWS resource. awsx builds the image with a docker-build:index:Image child (tags,
// context, Dockerfile, push to the repository) — modelled as that child, so the plan shows what is
// built and pushed where. The build's result (the digest) is only known after the build: the
// component's `imageUri` is a labelled mock digest outside a preview. Registry credentials (an ECR
// token fetched at deploy time) are not recorded.
import { createHash } from "node:crypto";
import { hex } from "../ids";
import { arr, obj, str, type ChildSet, type ComponentModel } from "./types";

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex").slice(0, 8);

interface Rule {
  description?: unknown;
  tagStatus?: unknown;
  tagPrefixList?: unknown;
  maximumNumberOfImages?: unknown;
  maximumAgeLimit?: unknown;
}

/** awsx's `buildLifecyclePolicy`: the rules ("any" last) as an ECR lifecycle policy document. */
function lifecyclePolicy(option: Record<string, unknown> | undefined): Record<string, unknown> {
  const rules = (arr(option?.["rules"]) as Rule[] | undefined) ?? [{ description: "remove untagged images", tagStatus: "untagged", maximumNumberOfImages: 1 }];
  const ordered = [...rules.filter((r) => r.tagStatus !== "any"), ...rules.filter((r) => r.tagStatus === "any")];
  return {
    rules: ordered.map((r, i) => ({
      rulePriority: i + 1,
      description: r.description,
      selection: {
        ...(r.tagStatus === "any" || r.tagStatus === "untagged" ? { tagStatus: r.tagStatus } : { tagStatus: "tagged", tagPrefixList: r.tagPrefixList }),
        ...(r.maximumNumberOfImages !== undefined ? { countType: "imageCountMoreThan", countNumber: r.maximumNumberOfImages } : { countType: "sinceImagePushed", countNumber: r.maximumAgeLimit, countUnit: "days" }),
      },
      action: { type: "expire" },
    })),
  };
}

function buildRepository(set: ChildSet): Record<string, unknown> {
  const { lifecyclePolicy: option, ...repoArgs } = set.ctx.inputs;
  const name = set.ctx.name.toLowerCase();
  const repository = set.add("aws:ecr/repository:Repository", name, repoArgs);
  const policyOption = obj(option);
  const policy = policyOption?.["skip"] === true ? undefined : set.add("aws:ecr/lifecyclePolicy:LifecyclePolicy", name, { repository: set.ref(repository, "name"), policy: lifecyclePolicy(policyOption), ...(repoArgs["region"] !== undefined ? { region: repoArgs["region"] } : {}) });
  return { repository: { ...repository.outputs, id: repository.id }, url: repository.outputs["repositoryUrl"], ...(policy ? { lifecyclePolicy: { ...policy.outputs, id: policy.id } } : {}) };
}

function buildImage(set: ChildSet): Record<string, unknown> {
  const { ctx } = set;
  const a = ctx.inputs;
  const repositoryUrl = a["repositoryUrl"];
  const imageTag = str(a["imageTag"]);
  let buildSig = str(a["context"]) ?? ".";
  if (str(a["dockerfile"])) buildSig += `;dockerfile=${String(a["dockerfile"])}`;
  for (const [k, v] of Object.entries(obj(a["args"]) ?? {})) buildSig += `;arg[${k}]=${String(v)}`;
  const imageName = str(a["imageName"]) ?? imageTag ?? `${sha1(buildSig + ctx.stack)}-container`;
  const canonical = `${String(repositoryUrl)}:${imageName}`;
  const cacheFrom = (arr(a["cacheFrom"]) ?? []).map((ref) => ({ registry: { ref } }));
  set.add("docker-build:index:Image", imageName, {
    tags: [canonical],
    buildArgs: a["args"],
    cacheFrom: cacheFrom.length > 0 ? cacheFrom : [{ registry: { ref: canonical } }],
    cacheTo: [{ inline: {} }],
    context: { location: str(a["context"]) ?? "." },
    dockerfile: { location: a["dockerfile"] },
    platforms: str(a["platform"]) ? [a["platform"]] : [],
    target: a["target"],
    push: true,
  });
  return { imageUri: ctx.preview ? undefined : `${String(repositoryUrl)}@sha256:${hex(`${ctx.name}/${canonical}/digest`, 64)}` };
}

export const awsxEcrRepository: ComponentModel = { summary: "aws.ecr.Repository and its lifecycle policy", build: buildRepository };
export const awsxEcrImage: ComponentModel = { summary: "the docker-build:index:Image awsx builds and pushes (no AWS resource)", build: buildImage };

