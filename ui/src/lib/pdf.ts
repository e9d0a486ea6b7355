// pdf.js, loaded once: the worker is bundled with the app and served from it, so the
// viewer works offline under the app's strict content security policy.
import type { PDFDocumentProxy } from "pdfjs-dist";

let loaded: Promise<typeof import("pdfjs-dist")> | null = null;

function pdfjs() {
  loaded ??= Promise.all([import("pdfjs-dist"), import("pdfjs-dist/build/pdf.worker.min.mjs?url")]).then(
    ([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default;
      return lib;
    },
  );
  return loaded;
}

export async function openPdf(bytes: ArrayBuffer): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  // A copy: pdf.js hands the buffer to its worker, and the caller may still need it.
  return lib.getDocument({ data: new Uint8Array(bytes.slice(0)), isEvalSupported: false }).promise;
}
