import { For } from "solid-js";
import { roleLabels, type SiteRole, siteRoles } from "../api/labels";

const roleHints: Record<SiteRole, string> = {
  lead: "Runs the site: invites people and changes their roles.",
  team: "Works with the lead: sees the team and the activity.",
  expert: "Sits on panels and scores applications.",
  provider: "Leads a support provider that applies to the site.",
};

/**
 * The four roles as radio buttons, each with a plain description. The first radio has `id`, so
 * an error summary can link to the group; the others add their role to it.
 */
export function RoleChoice(props: {
  id: string;
  value: SiteRole | null;
  onChange: (role: SiteRole) => void;
  error?: string;
  name: string;
}) {
  return (
    <fieldset class="field" aria-describedby={props.error ? `${props.name}-error` : undefined}>
      <legend class="field-label">Role</legend>
      {props.error && (
        <p id={`${props.name}-error`} class="field-error">
          {props.error}
        </p>
      )}
      <div class="radios">
        <For each={siteRoles}>
          {(role, index) => (
            <label class="radio">
              <input
                id={index() === 0 ? props.id : `${props.id}-${role}`}
                type="radio"
                name={props.name}
                value={role}
                checked={props.value === role}
                onChange={() => props.onChange(role)}
              />
              <span>
                <span class="radio-label">{roleLabels[role]}</span>
                <span class="field-hint">{roleHints[role]}</span>
              </span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
