import { z } from "zod";
import { bilingual } from "../../server/validation.js";

/** Seek pagination: `after` is the last seq of the previous page (0 for the first), never an offset. */
export const OcdsPageQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const ocdsIdentifier = z
  .string()
  .max(200)
  .regex(/^ocds-[A-Za-z0-9-]+$/, bilingual("pengenal OCDS diawali ocds- (huruf, angka dan tanda hubung)", "an OCDS identifier starts with ocds- (letters, digits and hyphens)"));

export const ReleaseParamsSchema = z.strictObject({ releaseId: ocdsIdentifier });
export const OcidParamsSchema = z.strictObject({ ocid: ocdsIdentifier });

/** The OCDS bodies are checked against the official JSON schema in test/conformance; here only the frame. */
const OcdsReleaseSchema = z.looseObject({ ocid: z.string(), id: z.string(), date: z.string(), tag: z.array(z.string()), initiationType: z.literal("tender") });

const PackageFrame = {
  uri: z.string(),
  version: z.literal("1.1"),
  publishedDate: z.string(),
  publisher: z.looseObject({ name: z.string() }),
  license: z.string(),
  publicationPolicy: z.string(),
  links: z.object({ next: z.string() }).optional(),
};

export const ReleasePackageSchema = z.looseObject({ ...PackageFrame, releases: z.array(OcdsReleaseSchema) }).meta({ id: "OcdsReleasePackage" });

export const RecordPackageSchema = z
  .looseObject({
    ...PackageFrame,
    records: z.array(
      z.looseObject({
        ocid: z.string(),
        releases: z.array(z.object({ url: z.string(), date: z.string(), tag: z.array(z.string()) })),
        compiledRelease: OcdsReleaseSchema,
      }),
    ),
  })
  .meta({ id: "OcdsRecordPackage" });
