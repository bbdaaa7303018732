import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { BusinessFormSelect } from "./BusinessFormSelect";
import { isBusinessForm, type ProfileInput, useSaveProfile, type Vendor } from "./vendors.api";

type TextField = "name" | "npwp" | "nib" | "street" | "city" | "province" | "postalCode" | "phone" | "contactEmail" | "website";
type Field = TextField | "businessForm" | "pkp";

/** The server's paths (without "body.") for each field of this form. */
const FIELD_PATHS: Record<string, Field> = {
  name: "name",
  businessForm: "businessForm",
  npwp: "npwp",
  nib: "nib",
  pkp: "pkp",
  address: "street",
  "address.street": "street",
  "address.city": "city",
  "address.province": "province",
  "address.postalCode": "postalCode",
  phone: "phone",
  contactEmail: "contactEmail",
  website: "website",
};

type Values = Record<TextField | "businessForm", string> & { pkp: boolean };

function toValues(vendor: Vendor): Values {
  return {
    name: vendor.name,
    businessForm: vendor.businessForm,
    npwp: vendor.npwpFormatted,
    nib: vendor.nib ?? "",
    pkp: vendor.pkp ?? false,
    street: vendor.address?.street ?? "",
    city: vendor.address?.city ?? "",
    province: vendor.address?.province ?? "",
    postalCode: vendor.address?.postalCode ?? "",
    phone: vendor.phone ?? "",
    contactEmail: vendor.contactEmail ?? "",
    website: vendor.website ?? "",
  };
}

/** "karya.co.id" is meant as a web address: the server wants it with its scheme. */
function websiteUrl(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

function sameValues(a: Values, b: Values): boolean {
  return (Object.keys(a) as (keyof Values)[]).every((key) => a[key] === b[key]);
}

interface Props {
  vendor: Vendor;
  /** Told whether the form holds unsaved changes (submitting for verification sends the saved data). */
  onDirtyChange: (dirty: boolean) => void;
}

/** The whole company profile: the server replaces it at once (PUT), and logs each changed field. */
export function VendorProfileForm({ vendor, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const save = useSaveProfile(vendor.id);
  const [saved] = useState(() => toValues(vendor));
  const [values, setValues] = useState(saved);
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});
  const problem = useFormProblem(save.error, FIELD_PATHS);
  const errorOf = (field: Field) => localErrors[field] ?? problem.fields[field];
  const dirty = !sameValues(values, saved);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const set = (field: TextField) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const text = (field: TextField, label: string, extra: { required?: boolean; description?: string; type?: string; autoComplete?: string; inputMode?: "numeric" | "tel" } = {}) => (
    <TextInput label={label} value={values[field]} onChange={set(field)} error={errorOf(field)} required={extra.required ?? true} {...extra} />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Without a business form the request cannot be built; everything else the server checks.
    const businessForm = values.businessForm;
    if (!isBusinessForm(businessForm)) {
      setLocalErrors({ businessForm: t("common.required") });
      return;
    }
    setLocalErrors({});
    const input: ProfileInput = {
      name: values.name.trim(),
      businessForm,
      npwp: values.npwp.trim(),
      nib: values.nib.trim() === "" ? null : values.nib.trim(),
      pkp: values.pkp,
      address: { street: values.street.trim(), city: values.city.trim(), province: values.province.trim(), postalCode: values.postalCode.trim() },
      phone: values.phone.trim(),
      contactEmail: values.contactEmail.trim(),
      website: websiteUrl(values.website),
    };
    save.mutate(input, { onSuccess: () => notifySuccess(t("vendor.profileSaved")) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {text("name", t("vendor.name"), { autoComplete: "organization" })}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <BusinessFormSelect value={values.businessForm} onChange={(businessForm) => setValues((v) => ({ ...v, businessForm }))} error={errorOf("businessForm")} />
          {text("npwp", t("vendor.npwp"), { description: t("vendor.npwpHint"), inputMode: "numeric" })}
          {text("nib", t("vendor.nib"), { required: false, description: t("vendor.nibHint"), inputMode: "numeric" })}
        </SimpleGrid>
        <Checkbox
          label={t("vendor.pkp")}
          checked={values.pkp}
          onChange={(event) => {
            const pkp = event.currentTarget.checked;
            setValues((v) => ({ ...v, pkp }));
          }}
          error={errorOf("pkp")}
        />
        <Fieldset legend={t("vendor.addressSection")}>
          <Stack>
            {text("street", t("vendor.street"), { autoComplete: "street-address" })}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {text("city", t("vendor.city"), { autoComplete: "address-level2" })}
              {text("province", t("vendor.province"), { autoComplete: "address-level1" })}
              {text("postalCode", t("vendor.postalCode"), { autoComplete: "postal-code", inputMode: "numeric" })}
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text("phone", t("vendor.phone"), { type: "tel", autoComplete: "tel", inputMode: "tel" })}
          {text("contactEmail", t("vendor.contactEmail"), { type: "email", autoComplete: "email" })}
        </SimpleGrid>
        {text("website", t("vendor.website"), { required: false, description: t("vendor.websiteHint"), type: "url", autoComplete: "url" })}
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t("vendor.saveProfile")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A key that changes when the saved profile does, so the form starts again from the saved values. */
export function profileFormKey(vendor: Vendor): string {
  return JSON.stringify(toValues(vendor));
}
