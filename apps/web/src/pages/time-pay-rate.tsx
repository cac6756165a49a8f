import type { RouterOutputs } from "@smallsupports/api";
import { formatPounds, payPence } from "@smallsupports/core/expert-time-shape";
import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal, Match, on, Show, Switch } from "solid-js";
import { api, errorCode, fieldErrors } from "../api/client";
import { afterTimeChange, queries } from "../api/queries";
import { ErrorSummary, type Problem, ProblemSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { LiveStatus } from "../ui/live-status";
import { Modal } from "../ui/modal";
import { ErrorNotice, Loading } from "../ui/page-state";

type PayRate = RouterOutputs["time"]["payRate"];

const ids = { dayRatePence: "pay-day-rate", hoursPerDay: "pay-hours" };

/** "150" or "162.50" for a day rate in pence, as a person would type it. */
const poundsText = (pence: number) => (pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2));

/** Pence from what a person typed ("£1,250.50"), or undefined if it is not pounds and pence. */
function parsePounds(typed: string): number | undefined {
  const plain = typed.trim().replace(/^£/, "").replaceAll(",", "");
  return /^\d+(\.\d{1,2})?$/.test(plain) ? Math.round(Number(plain) * 100) : undefined;
}

function parseHours(typed: string): number | undefined {
  const plain = typed.trim();
  return /^\d+(\.\d+)?$/.test(plain) ? Number(plain) : undefined;
}

/**
 * The day rate experts by experience are paid at, and the hours that make a paid day. The team
 * reads it; the lead changes it.
 */
export function PayRateSection(props: { siteId: string; canPay: boolean }) {
  const rate = useQuery(() => queries.payRate(props.siteId));
  const [editing, setEditing] = createSignal(false);
  const [done, setDone] = createSignal("");

  return (
    <section class="card time-rate" aria-labelledby="time-rate-heading">
      <div class="section-heading">
        <h3 id="time-rate-heading">Day rate</h3>
        <Show when={props.canPay && rate.data}>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => {
              setDone("");
              setEditing(true);
            }}
          >
            Change the day rate
          </button>
        </Show>
      </div>
      <LiveStatus message={done()} class="notice notice-success time-done" />
      <Switch>
        <Match when={rate.isPending}>
          <Loading label="Loading the day rate…" />
        </Match>
        <Match when={rate.isError}>
          <ErrorNotice error={rate.error} retry={() => rate.refetch()} />
        </Match>
        <Match when={rate.data}>
          {(current) => (
            <>
              <p>{rateSentence(current())}</p>
              <Show when={current().isDefault}>
                <p class="muted">
                  This is the usual NHS rate for involvement. {props.canPay ? "You have" : "The project lead has"} not
                  set the site's own rate yet.
                </p>
              </Show>
              <Show when={!props.canPay}>
                <p class="muted">Only the project lead can change the day rate.</p>
              </Show>
            </>
          )}
        </Match>
      </Switch>
      <Show when={props.canPay && rate.data}>
        {(current) => (
          <PayRateDialog
            siteId={props.siteId}
            rate={current()}
            open={editing()}
            onOpenChange={setEditing}
            onSaved={(saved) => setDone(`Saved. ${rateSentence(saved)}`)}
          />
        )}
      </Show>
    </section>
  );
}

/** "Experts by experience are paid £150.00 for a day of 7.5 hours. That is £20.00 an hour." */
function rateSentence(rate: PayRate): string {
  const hourly = formatPounds(payPence(60, rate.dayRatePence, rate.hoursPerDay));
  return `Experts by experience are paid ${formatPounds(rate.dayRatePence)} for a day of ${rate.hoursPerDay.toLocaleString("en-GB")} hours. That is ${hourly} an hour.`;
}

/**
 * The lead changing the day rate. The version is the one the form was opened on, so a rate
 * someone else saved meanwhile is never overwritten without the lead seeing it first.
 */
function PayRateDialog(props: {
  siteId: string;
  rate: PayRate;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (rate: PayRate) => void;
}) {
  const queryClient = useQueryClient();
  const [pounds, setPounds] = createSignal("");
  const [hours, setHours] = createSignal("");
  const [problems, setProblems] = createSignal<Problem[] | null>(null);
  let loadedVersion = 0;

  function load(rate: PayRate) {
    setPounds(poundsText(rate.dayRatePence));
    setHours(String(rate.hoursPerDay));
    loadedVersion = rate.version;
  }
  createEffect(
    on(
      () => props.open,
      (open) => open && load(props.rate),
    ),
  );

  const save = createMutation(() => ({
    mutationFn: (rate: { dayRatePence: number; hoursPerDay: number }) =>
      api.time.setPayRate.mutate({ siteId: props.siteId, version: loadedVersion, ...rate }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queries.payRate(props.siteId).queryKey, saved);
      props.onSaved(saved);
      close();
      // Every expert's pay is worked out from the rate.
      await afterTimeChange(queryClient, props.siteId);
    },
  }));

  function close() {
    save.reset();
    setProblems(null);
    props.onOpenChange(false);
  }

  function submit() {
    const dayRatePence = parsePounds(pounds());
    const hoursPerDay = parseHours(hours());
    const typing: Problem[] = [];
    if (dayRatePence === undefined) {
      typing.push({
        message: "Enter the day rate in pounds and pence, like 150 or 162.50.",
        targetId: ids.dayRatePence,
      });
    }
    if (hoursPerDay === undefined) {
      typing.push({ message: "Enter how many hours make a paid day, like 7.5.", targetId: ids.hoursPerDay });
    }
    save.reset();
    if (dayRatePence === undefined || hoursPerDay === undefined) {
      setProblems(typing);
      return;
    }
    setProblems(null);
    save.mutate({ dayRatePence, hoursPerDay });
  }

  const errors = (): Record<string, string | undefined> => {
    const typed = problems() ?? [];
    const fromTyping = (id: string) => typed.find((problem) => problem.targetId === id)?.message;
    const server = fieldErrors(save.error);
    return {
      dayRatePence: fromTyping(ids.dayRatePence) ?? server.dayRatePence,
      hoursPerDay: fromTyping(ids.hoursPerDay) ?? server.hoursPerDay,
    };
  };

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title="Change the day rate"
      description="Pay for every month, past months too, is worked out at the rate saved here. Download a month's payment file before you change the rate."
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <ProblemSummary problems={problems()} />
        <ErrorSummary error={save.error} fields={ids} />
        <Show when={errorCode(save.error) === "CONFLICT"}>
          <div class="notice notice-info">
            <p>
              What you typed is still here. Load the latest rate to see what is saved now (this replaces what you
              typed).
            </p>
            <button
              type="button"
              class="button button-secondary"
              onClick={async () => {
                await afterTimeChange(queryClient, props.siteId);
                load(queryClient.getQueryData(queries.payRate(props.siteId).queryKey) ?? props.rate);
                save.reset();
                // The button has gone with the problem: carry on from the first field.
                document.getElementById(ids.dayRatePence)?.focus();
              }}
            >
              Load the latest rate
            </button>
          </div>
        </Show>
        <NumberField
          id={ids.dayRatePence}
          label="Day rate in pounds"
          hint="What an expert is paid for a full day, like 150 or 162.50."
          prefix="£"
          value={pounds()}
          onInput={setPounds}
          error={errors().dayRatePence}
        />
        <NumberField
          id={ids.hoursPerDay}
          label="Hours in a paid day"
          hint="Like 7.5. An hour is paid at the day rate divided by this."
          value={hours()}
          onInput={setHours}
          error={errors().hoursPerDay}
        />
        <FormActions label="Save the day rate" busyLabel="Saving…" busy={save.isPending} onCancel={close} />
      </form>
    </Modal>
  );
}

/** A short box for a number with a decimal point, its hint and error read with it. */
function NumberField(props: {
  id: string;
  label: string;
  hint: string;
  prefix?: string;
  value: string;
  onInput: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <p id={`${props.id}-hint`} class="field-hint">
        {props.hint}
      </p>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
      <div class="time-amount">
        <Show when={props.prefix}>
          <span class="time-amount-prefix" aria-hidden="true">
            {props.prefix}
          </span>
        </Show>
        <input
          id={props.id}
          class="input input-short"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={[`${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(" ")}
        />
      </div>
    </div>
  );
}
