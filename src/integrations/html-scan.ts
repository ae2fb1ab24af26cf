// What the build's checks read from a built page: its element ids, and every URL it refers to.
import { Parser } from "htmlparser2";

export interface PageRef {
  /** Where the URL sits, e.g. `a[href]` or `meta[og:image]`, for the error message. */
  where: string;
  url: string;
}

export interface ScannedPage {
  ids: Set<string>;
  refs: PageRef[];
  /** Module and classic scripts the page loads by URL (src), in document order. */
  scripts: string[];
  /** Stylesheets the page links. */
  stylesheets: string[];
}

/** Attributes that hold one URL, per element. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  script: ["src"],
  img: ["src"],
  source: ["src"],
  iframe: ["src"],
  form: ["action"],
};

/** Meta tags whose content is a URL of this site. */
const URL_METAS = new Set(["og:url", "og:image", "twitter:image"]);

export function scanHtml(html: string): ScannedPage {
  const page: ScannedPage = { ids: new Set(), refs: [], scripts: [], stylesheets: [] };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id) page.ids.add(attributes.id);
        if (name === "a" && attributes.name) page.ids.add(attributes.name);
        for (const attribute of URL_ATTRIBUTES[name] ?? []) {
          const value = attributes[attribute];
          if (value !== undefined) page.refs.push({ where: `${name}[${attribute}]`, url: value });
        }
        const meta = attributes.property ?? attributes.name;
        if (name === "meta" && meta && URL_METAS.has(meta) && attributes.content) {
          page.refs.push({ where: `meta[${meta}]`, url: attributes.content });
        }
        if (name === "script" && attributes.src) page.scripts.push(attributes.src);
        if (name === "link" && attributes.rel?.split(/\s+/).includes("stylesheet") && attributes.href) {
          page.stylesheets.push(attributes.href);
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return page;
}
