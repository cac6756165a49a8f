import type { RouterInputs, RouterOutputs } from "@smallsupports/api";
import {
  type CqcRating,
  type CqcStatus,
  cqcRatingLabels,
  cqcRatings,
  cqcStatuses,
} from "@smallsupports/core/organisation-shape";
import { For, type JSX, Show } from "solid-js";
import { fieldErrors } from "../api/client";
import { TextField } from "../ui/text-field";

export type Organisation = RouterOutputs["organisation"]["get"];
type Profile = RouterInputs["organisation"]["register"]["organisation"];

/** The organisation's facts as the form holds them: numbers as typed, choices not made yet as null. */
export interface OrganisationDraft {
  legalName: string;
  tradingName: string;
  area: string;
  foundedYear: string;
  peopleSupported: string;
  cqcStatus: CqcStatus | null;
  cqcRating: CqcRating | null;
  difference: string;
}

export const emptyDraft = (): OrganisationDraft => ({
  legalName: "",
  tradingName: "",
  area: "",
  foundedYear: "",
  peopleSupported: "",
  cqcStatus: null,
  cqcRating: null,
  difference: "",
});

export const draftOf = (organisation: Organisation): OrganisationDraft => ({
  legalName: organisation.legalName,
  tradingName: organisation.tradingName ?? "",
  area: organisation.area,
  foundedYear: String(organisation.foundedYear),
  peopleSupported: String(organisation.peopleSupported),
  cqcStatus: organisation.cqcStatus,
  cqcRating: organisation.cqcRating,
  difference: organisation.difference,
});

/** A whole number as typed, or nothing: the server then says what is missing, beside the field. */
const wholeNumber = (typed: string) => (/^\s*\d+\s*$/.test(typed) ? Number(typed) : undefined);

/**
 * What the API is sent. Anything left empty is sent as missing, not guessed at, so the server's
 * own rules (packages/core) word every problem and the form shows each beside its field.
 */
export const profileOf = (draft: OrganisationDraft): Profile =>
  ({
    legalName: draft.legalName,
    tradingName: draft.tradingName,
    area: draft.area,
    foundedYear: wholeNumber(draft.foundedYear),
    peopleSupported: wholeNumber(draft.peopleSupported),
    cqcStatus: draft.cqcStatus ?? undefined,
    cqcRating: draft.cqcStatus === "registered" ? (draft.cqcRating ?? undefined) : undefined,
    difference: draft.difference,
  }) as Profile;

/** The API's field names mapped to the inputs' ids, in the order the form shows them. */
export function organisationFieldIds(prefix: string): Record<string, string> {
  return {
    "organisation.legalName": `${prefix}-legal-name`,
    "organisation.tradingName": `${prefix}-trading-name`,
    "organisation.area": `${prefix}-area`,
    "organisation.foundedYear": `${prefix}-founded`,
    "organisation.peopleSupported": `${prefix}-people`,
    "organisation.cqcStatus": `${prefix}-cqc-status`,
    "organisation.cqcRating": `${prefix}-cqc-rating`,
    "organisation.difference": `${prefix}-difference`,
  };
}

const cqcStatusChoices: Record<CqcStatus, { label: string; hint: string }> = {
  "not-registered": { label: "Not registered", hint: "You have not applied to CQC. You can still apply here." },
  "in-progress": { label: "Registration in progress", hint: "You have applied to CQC and are waiting." },
  registered: { label: "Registered", hint: "CQC has registered you." },
};

// The server's limits (packages/core/src/organisation.ts).
const limits = { name: 160, area: 120, difference: 2000 };

/** The organisation's facts: used to register interest and to correct them later. */
export function OrganisationFields(props: {
  prefix: string;
  draft: OrganisationDraft;
  onChange: <K extends keyof OrganisationDraft>(field: K, value: OrganisationDraft[K]) => void;
  error: unknown;
}) {
  const ids = () => organisationFieldIds(props.prefix);
  const errors = () => fieldErrors(props.error);
  const id = (field: string) => ids()[`organisation.${field}`] as string;
  const error = (field: string) => errors()[`organisation.${field}`];

  return (
    <>
      <TextField
        id={id("legalName")}
        label="Legal name"
        name="legalName"
        value={props.draft.legalName}
        onChange={(value) => props.onChange("legalName", value)}
        hint="The name your organisation is registered under, for example with Companies House or the Charity Commission."
        maxLength={limits.name}
        error={error("legalName")}
        autocomplete="organization"
        required
      />
      <TextField
        id={id("tradingName")}
        label="Trading name (optional)"
        name="tradingName"
        value={props.draft.tradingName}
        onChange={(value) => props.onChange("tradingName", value)}
        hint="The name people know you by, if it is different."
        maxLength={limits.name}
        error={error("tradingName")}
      />
      <TextField
        id={id("area")}
        label="Area"
        name="area"
        value={props.draft.area}
        onChange={(value) => props.onChange("area", value)}
        hint="Where you work, like a town or district."
        maxLength={limits.area}
        error={error("area")}
        required
      />
      <TextField
        id={id("foundedYear")}
        label="Year your organisation started"
        name="foundedYear"
        hint="For example, 2019. If you are setting up now, put this year."
        value={props.draft.foundedYear}
        onChange={(value) => props.onChange("foundedYear", value)}
        error={error("foundedYear")}
        numeric
      />
      <TextField
        id={id("peopleSupported")}
        label="How many people do you support now?"
        name="peopleSupported"
        hint="Put 0 if you do not support anyone yet."
        value={props.draft.peopleSupported}
        onChange={(value) => props.onChange("peopleSupported", value)}
        error={error("peopleSupported")}
        numeric
      />
      <RadioGroup
        id={id("cqcStatus")}
        name={`${props.prefix}-cqc-status`}
        legend="Are you registered with CQC (the Care Quality Commission)?"
        hint="You do not have to be registered to apply."
        error={error("cqcStatus")}
      >
        <For each={cqcStatuses}>
          {(status, index) => (
            <label class="radio">
              <input
                id={index() === 0 ? id("cqcStatus") : `${id("cqcStatus")}-${status}`}
                type="radio"
                name={`${props.prefix}-cqc-status`}
                value={status}
                checked={props.draft.cqcStatus === status}
                onChange={() => props.onChange("cqcStatus", status)}
              />
              <span>
                <span class="radio-label">{cqcStatusChoices[status].label}</span>
                <span class="field-hint">{cqcStatusChoices[status].hint}</span>
              </span>
            </label>
          )}
        </For>
      </RadioGroup>
      <Show when={props.draft.cqcStatus === "registered"}>
        <RadioGroup
          id={id("cqcRating")}
          name={`${props.prefix}-cqc-rating`}
          legend="What is your CQC rating?"
          error={error("cqcRating")}
        >
          <For each={cqcRatings}>
            {(rating, index) => (
              <label class="radio">
                <input
                  id={index() === 0 ? id("cqcRating") : `${id("cqcRating")}-${rating}`}
                  type="radio"
                  name={`${props.prefix}-cqc-rating`}
                  value={rating}
                  checked={props.draft.cqcRating === rating}
                  onChange={() => props.onChange("cqcRating", rating)}
                />
                <span class="radio-label">{cqcRatingLabels[rating]}</span>
              </label>
            )}
          </For>
        </RadioGroup>
      </Show>
      <TextField
        id={id("difference")}
        label="What makes your organisation different?"
        name="difference"
        hint="Tell us in your own words. There is no right answer."
        value={props.draft.difference}
        onChange={(value) => props.onChange("difference", value)}
        error={error("difference")}
        maxLength={limits.difference}
        multiline
        required
      />
    </>
  );
}

/** A labelled group of radio buttons; the first radio carries `id`, so an error summary can link to it. */
export function RadioGroup(props: {
  id: string;
  name: string;
  legend: JSX.Element;
  hint?: string;
  error?: string;
  children: JSX.Element;
}) {
  const described = () =>
    [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset class="field" aria-describedby={described()}>
      <legend class="field-label">{props.legend}</legend>
      <Show when={props.hint}>
        <div id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </div>
      </Show>
      <Show when={props.error}>
        <div id={`${props.id}-error`} class="field-error">
          {props.error}
        </div>
      </Show>
      <div class="radios">{props.children}</div>
    </fieldset>
  );
}

/** What is kept about someone who registers, and why: shown before they give it. */
export function PrivacyNotice(props: { siteName: string }) {
  return (
    <section class="card privacy-notice" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">What we keep and why</h2>
      <ul>
        <li>
          We keep <strong>your name and email address</strong> so you can sign in, and so the team at {props.siteName}{" "}
          can contact you about your application.
        </li>
        <li>
          Your organisation's details and your answers go <strong>only to {props.siteName}'s team and its panel</strong>
          .
        </li>
        <li>National staff only see numbers, like how many organisations applied. They do not see your details.</li>
        <li>You can ask {props.siteName} to correct or delete your details at any time.</li>
      </ul>
    </section>
  );
}
