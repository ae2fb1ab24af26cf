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
  /** The text of the page's own <style> elements. */
  styles: string[];
  /** The text of inline scripts that run (not JSON data blocks). */
  inlineScripts: string[];
}

/** Script types a browser runs; anything else (application/json, …) is a data block. */
const RUNNABLE_SCRIPT = /^(|module|(text|application)\/(java|ecma)script)$/i;

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
  const page: ScannedPage = {
    ids: new Set(),
    refs: [],
    scripts: [],
    stylesheets: [],
    styles: [],
    inlineScripts: [],
  };
  /** Where the text of the element being read goes, if it is a <style> or an inline script. */
  let text: string[] | undefined;
  let body = "";
  const parser = new Parser(
    {
      ontext(chunk) {
        if (text) body += chunk;
      },
      onclosetag() {
        if (text) text.push(body);
        text = undefined;
      },
      onopentag(name, attributes) {
        body = "";
        if (name === "style") text = page.styles;
        else if (
          name === "script" &&
          !attributes.src &&
          RUNNABLE_SCRIPT.test(attributes.type?.trim() ?? "")
        ) {
          text = page.inlineScripts;
        }
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
