import { Entity } from "electrodb";
import { allTimeFigures, figureField, flowFigures, months } from "../figures-shape";
import { keyOptions } from "./common";

const number = { type: "number" } as const;

/** One number attribute per figure: over all time on the `all` item, per month on a year's. */
const figureAttributes = Object.fromEntries([
  ...allTimeFigures.map((figure) => [figureField(figure), number]),
  ...months.flatMap((month) => flowFigures.map((figure) => [figureField(figure, month), number])),
]) as Record<string, typeof number>;

/**
 * A site's figures for national comparison (see figures-shape.ts): `period` is `all` for the
 * figures over all time and as they stand, or a year ("2026") for that year's month-by-month
 * figures. Each is created by the first change that counts into it and kept in the same
 * transaction as the records it counts, so the national dashboard reads two or three items per
 * site, whatever the site holds. A site writes its `all` item with nearly every change; one
 * partition key takes about 1,000 writes a second, far beyond what one site does.
 */
export const SiteFiguresEntity = new Entity({
  model: { entity: "siteFigures", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    period: { type: "string", required: true, readOnly: true },
    /** When the site last recorded anything: set by every change audited in the site. */
    lastRecordedAt: { type: "string" },
    ...figureAttributes,
  },
  indexes: {
    // A site's figures items, one per period.
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["period"], template: "figures#${period}", ...keyOptions },
    },
  },
});
