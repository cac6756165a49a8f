import type { RouterOutputs } from "@smallsupports/api";
import { approvingOutcomes, outcomeLabels, outcomeWording } from "@smallsupports/core/decision-shape";
import { A, useParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { For, type JSX, Match, Show, Switch } from "solid-js";
import { errorCode } from "../api/client";
import { queries } from "../api/queries";
import { ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { loadingTitle, PageHeading, usePageTitle } from "../ui/page-title";
import { EasyReadToggle, easyReadPreferred, setEasyReadPreferred } from "./application-easy-read";
import "../styles/letter.css";

type DecisionLetter = RouterOutputs["decision"]["get"];

const letterDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });
const longDate = (iso: string) => letterDate.format(new Date(iso));

/**
 * The panel's decision as a letter from the site to the organisation, in everyday words or in
 * easy read, that prints on A4 without the app around it. The organisation's people and the site
 * team can both open it.
 */
export default function DecisionLetterPage() {
  const params = useParams<{ siteId: string; organisationId: string; applicationId: string }>();
  const me = useQuery(() => queries.me());
  const letter = useQuery(() => queries.decision(params.siteId, params.organisationId, params.applicationId));
  const isProvider = () => me.data?.sites.find((site) => site.siteId === params.siteId)?.role === "provider";
  const organisationPath = () => `/organisations/${params.siteId}/${params.organisationId}`;
  const back = () =>
    isProvider()
      ? { href: organisationPath(), label: `Back to ${letter.data?.organisationName ?? "your organisation"}` }
      : {
          href: `/sites/${params.siteId}/applications/${params.organisationId}/${params.applicationId}`,
          label: "Back to the application",
        };

  usePageTitle(() => {
    if (letter.isPending || me.isPending) return loadingTitle;
    if (letter.isError) return problemTitle(letter.error);
    return letter.data ? ["Decision letter", letter.data.organisationName, letter.data.siteName] : loadingTitle;
  });

  return (
    <div class="page narrow letter-page">
      <p class="letter-screen-only">
        <A href={back().href}>{back().label}</A>
      </p>
      <Switch>
        <Match when={letter.isPending || me.isPending}>
          <Loading label="Loading the decision letter…" />
        </Match>
        <Match when={letter.isError}>
          <PageHeading>{problemTitle(letter.error)}</PageHeading>
          <Show
            when={errorCode(letter.error) === "NOT_FOUND"}
            fallback={<ErrorNotice error={letter.error} retry={() => letter.refetch()} />}
          >
            <p>
              There is no decision on this application yet. When the panel decides, the letter will be here, and it will
              be on your organisation's page.
            </p>
            <A class="button" href={back().href}>
              {back().label}
            </A>
          </Show>
        </Match>
        <Match when={letter.data}>
          {(data) => (
            <>
              <div class="letter-tools">
                <EasyReadToggle
                  pressed={easyReadPreferred()}
                  onChange={setEasyReadPreferred}
                  context="version of this letter"
                />
                <button type="button" class="button button-secondary" onClick={() => window.print()}>
                  Print this letter
                </button>
              </div>
              <Show
                when={easyReadPreferred()}
                fallback={<PlainLetter letter={data()} planPath={`${organisationPath()}/plan`} />}
              >
                <EasyReadLetter letter={data()} planPath={`${organisationPath()}/plan`} />
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

/** The site's name and the date at the top of the letter, as on paper. */
function Letterhead(props: { letter: DecisionLetter }) {
  return (
    <header class="letter-head">
      <p class="letter-from">{props.letter.siteName}</p>
      <p class="letter-programme">Small Supports</p>
      <p class="letter-date">
        <time datetime={props.letter.decidedAt.slice(0, 10)}>{longDate(props.letter.decidedAt)}</time>
      </p>
    </header>
  );
}

/** A part of the letter under its own heading. */
function LetterPart(props: { title: string; children: JSX.Element }) {
  return (
    <section class="letter-part">
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** Free text the panel wrote, kept in its paragraphs. */
function Written(props: { text: string }) {
  return <p class="letter-text">{props.text}</p>;
}

function PlainLetter(props: { letter: DecisionLetter; planPath: string }) {
  const l = () => props.letter;
  const approving = () => approvingOutcomes.includes(l().outcome);
  return (
    <article class="letter" aria-labelledby="letter-title">
      <Letterhead letter={l()} />
      <PageHeading>
        <span id="letter-title">Your application: {outcomeLabels[l().outcome]}</span>
      </PageHeading>
      <p>
        Dear <bdi>{l().organisationName}</bdi>,
      </p>
      <Show when={l().submittedAt}>
        {(at) => (
          <p>
            Thank you for your application to {l().siteName}, which you sent on {longDate(at())}. Our panel, including
            experts by experience, has read it and made its decision.
          </p>
        )}
      </Show>
      <p>{outcomeWording[l().outcome].plain}</p>
      <LetterPart title="Why the panel decided this">
        <Written text={l().rationale} />
      </LetterPart>
      <Show when={l().outcome === "walking-through" && l().conditions.length > 0}>
        <LetterPart title="Conditions to meet">
          <ol class="letter-list">
            <For each={l().conditions}>{(condition) => <li>{condition}</li>}</For>
          </ol>
        </LetterPart>
      </Show>
      <Show when={l().outcome === "not-yet" && l().whatWouldChange}>
        {(change) => (
          <LetterPart title="What would change the answer">
            <Written text={change()} />
          </LetterPart>
        )}
      </Show>
      <Show when={l().feedback}>
        {(feedback) => (
          <LetterPart title="The panel's feedback">
            <Written text={feedback()} />
          </LetterPart>
        )}
      </Show>
      <LetterPart title="What happens next">
        <Switch>
          <Match when={approving()}>
            <p>
              We have started your development plan with you. It sets out where you are now, where you aim to get to and
              what you will do next. You and our team can both update it when you sign in to Small Supports.
            </p>
            <p class="letter-screen-only">
              <A href={props.planPath}>Open your development plan</A>
            </p>
          </Match>
          <Match when={l().outcome === "not-yet"}>
            <p>
              You are welcome to apply again when you are ready. If you would like to talk about what would help, please
              get in touch with us.
            </p>
          </Match>
          <Match when={l().outcome === "declined"}>
            <p>If you would like to talk about this decision, please get in touch with us.</p>
          </Match>
        </Switch>
      </LetterPart>
      <footer class="letter-sign-off">
        <p>Yours sincerely,</p>
        <p class="letter-signature">
          <bdi>{l().decidedByName}</bdi>
        </p>
        <p>For {l().siteName}</p>
      </footer>
    </article>
  );
}

/** The same letter in easy read: short sentences, one idea to a line, simple headings. */
function EasyReadLetter(props: { letter: DecisionLetter; planPath: string }) {
  const l = () => props.letter;
  const approving = () => approvingOutcomes.includes(l().outcome);
  return (
    <article class="letter letter-easy-read" aria-labelledby="letter-title">
      <Letterhead letter={l()} />
      <PageHeading>
        <span id="letter-title">What the panel decided</span>
      </PageHeading>
      <p>
        Hello <bdi>{l().organisationName}</bdi>.
      </p>
      <p>Thank you for your application.</p>
      <ul class="letter-lines">
        <For each={outcomeWording[l().outcome].easyRead}>{(line) => <li>{line}</li>}</For>
      </ul>
      <LetterPart title="Why">
        <Written text={l().rationale} />
      </LetterPart>
      <Switch>
        <Match when={l().outcome === "walking-through" && l().conditions.length > 0}>
          <LetterPart title="What you need to do">
            <ol class="letter-list">
              <For each={l().conditions}>{(condition) => <li>{condition}</li>}</For>
            </ol>
          </LetterPart>
        </Match>
        <Match when={l().outcome === "not-yet" && l().whatWouldChange}>
          {(change) => (
            <LetterPart title="What you need to do">
              <Written text={change()} />
            </LetterPart>
          )}
        </Match>
      </Switch>
      <Show when={l().feedback}>
        {(feedback) => (
          <LetterPart title="What the panel said">
            <Written text={feedback()} />
          </LetterPart>
        )}
      </Show>
      <LetterPart title="What happens next">
        <Switch>
          <Match when={approving()}>
            <ul class="letter-lines">
              <li>You have a plan.</li>
              <li>The plan says what you will work on.</li>
              <li>You and our team can change the plan.</li>
            </ul>
            <p class="letter-screen-only">
              <A href={props.planPath}>Open your plan</A>
            </p>
          </Match>
          <Match when={l().outcome === "not-yet"}>
            <ul class="letter-lines">
              <li>You can apply again.</li>
              <li>Apply when you are ready.</li>
              <li>We can help you.</li>
            </ul>
          </Match>
          <Match when={l().outcome === "declined"}>
            <ul class="letter-lines">
              <li>You can talk to us about this.</li>
            </ul>
          </Match>
        </Switch>
      </LetterPart>
      <footer class="letter-sign-off">
        <p>From</p>
        <p class="letter-signature">
          <bdi>{l().decidedByName}</bdi>
        </p>
        <p>{l().siteName}</p>
      </footer>
    </article>
  );
}
