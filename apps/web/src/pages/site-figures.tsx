import { Figures } from "./figures";
import { useSiteView } from "./site-context";

/** A site's lead: their site's figures beside the programme's average per site, naming no other site. */
export default function SiteFigures() {
  const site = useSiteView();
  return (
    <div class="figures-page">
      <h2 class="visually-hidden">Figures</h2>
      <p class="lede">
        Your site's figures beside the programme's average per site, from the figures every site keeps as it works. No
        other site is named.
      </p>
      <Figures scope={{ kind: "site", siteId: site.siteId, siteName: site.siteName }} />
    </div>
  );
}
