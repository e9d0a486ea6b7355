//! A document as a flow of pages: the letterhead on the first, content that breaks onto
//! new pages, "第 x 页 / 共 y 页" or "Page x of y" on each (the paper's own language), and
//! deterministic bytes at the end.

use chrono::NaiveDate;
use huikuan_domain::DocLanguage;
use printpdf::{
    DateTime, DictItem, ExternalStream, ExternalXObject, FontId, ImageCompression, ImageOptimizationOptions, Mm,
    PdfDocument, PdfFont, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Px, RawImage, XObject, XObjectId,
};

use crate::canvas::{Align, Canvas, FaceIds, Paper, MM_PER_PT};
use crate::error::DocError;
use crate::fonts::Fonts;
use crate::wrap::wrap;

/// Our company at the head of every document, from the company profile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letterhead {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub tax_id: String,
    /// A PNG (8-bit, transparency kept).
    pub logo_png: Option<Vec<u8>>,
}

const FOOTER: f32 = 12.0;
/// On the short continuous form every millimetre counts.
const SHORT_FOOTER: f32 = 8.0;
/// The running head of a continuation page: its baseline below the margin, and the room
/// it takes before the content.
const HEAD_BASELINE: f32 = 4.0;
const HEAD_ROOM: f32 = 8.0;

pub struct PdfBuilder<'f> {
    pub fonts: &'f Fonts,
    pub paper: Paper,
    pub margin: f32,
    /// The baseline position on the current page, in mm from the top.
    pub y: f32,
    /// Width and height of every page (the paper's, or turned for landscape).
    size: (f32, f32),
    /// Repeated at the top of every page after the first (the footer numbers the page).
    running_head: Option<String>,
    /// The footer's language; None (a paper that has not said) prints both.
    language: Option<DocLanguage>,
    pages: Vec<Canvas>,
    images: Vec<(XObjectId, XObject)>,
    title: String,
    id: String,
    date: NaiveDate,
    numbered: bool,
    faces: FaceIds,
}

impl<'f> PdfBuilder<'f> {
    /// `id` names the document for good (its number): the PDF's trailer ID comes from it.
    pub fn new(fonts: &'f Fonts, paper: Paper, title: &str, id: &str, date: NaiveDate) -> PdfBuilder<'f> {
        let margin = if paper == Paper::A4 { 15.0 } else { 10.0 };
        let faces = FaceIds::for_document(id);
        PdfBuilder {
            fonts,
            paper,
            margin,
            y: margin,
            size: paper.size(),
            running_head: None,
            language: None,
            pages: vec![Canvas::new(paper, faces.clone())],
            images: Vec::new(),
            title: title.to_string(),
            id: id.to_string(),
            date,
            numbered: true,
            faces,
        }
    }

    /// A layer to print over another document's page (a signature): no page numbers.
    pub fn overlay(mut self) -> PdfBuilder<'f> {
        self.numbered = false;
        self
    }

    /// The paper turned on its side (a report that needs the width). Call it before
    /// anything is drawn: the first page is started again.
    pub fn landscape(mut self) -> PdfBuilder<'f> {
        let (w, h) = self.paper.size();
        self.size = (w.max(h), w.min(h));
        self.pages = vec![Canvas::sized(self.size.0, self.size.1, self.faces.clone())];
        self.y = self.margin;
        self
    }

    /// Width and height of the pages, in millimetres.
    pub fn page_size(&self) -> (f32, f32) {
        self.size
    }

    /// A line every page after the first repeats at its top (what the paper is: number,
    /// customer, date), so a continuation page read alone still says what it belongs to;
    /// the footer below says which page it is. Pages started from now on get it.
    pub fn set_running_head(&mut self, text: &str) {
        self.running_head = Some(text.to_string());
    }

    /// The paper's language: its footer says "第 x 页 / 共 y 页" or "Page x of y", not both.
    pub fn set_language(&mut self, language: DocLanguage) {
        self.language = Some(language);
    }

    /// True when `height` mm more fit on this page (nothing is started).
    pub fn fits(&self, height: f32) -> bool {
        self.y + height <= self.bottom()
    }

    /// How many pages so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub fn width(&self) -> f32 {
        self.size.0 - 2.0 * self.margin
    }

    /// The lowest baseline content may use before the footer.
    pub fn bottom(&self) -> f32 {
        let footer = if self.paper.is_short() { SHORT_FOOTER } else { FOOTER };
        self.size.1 - self.margin - footer
    }

    pub fn page(&mut self) -> &mut Canvas {
        self.pages.last_mut().expect("a builder always has a page")
    }

    pub fn new_page(&mut self) {
        self.pages.push(Canvas::sized(self.size.0, self.size.1, self.faces.clone()));
        self.y = self.margin;
        if let Some(head) = self.running_head.clone() {
            let (left, right) = (self.margin, self.size.0 - self.margin);
            let baseline = self.margin + HEAD_BASELINE;
            self.y = baseline;
            // A head too long for one line (a long name on A5) takes a second.
            let lines = wrap(self.fonts, &head, (right - left) / MM_PER_PT, 8.5, true);
            let step = 8.5 * MM_PER_PT * 1.35;
            for (i, line) in lines.iter().take(2).enumerate() {
                self.y = baseline + i as f32 * step;
                // Text that cannot be drawn is left out of the head rather than failing the page.
                let _ = self.text(left, 8.5, true, Align::Left, line);
            }
            let extra = (lines.len().clamp(1, 2) - 1) as f32 * step;
            let rule = baseline + 1.8 + extra;
            self.page().line(left, rule, right, rule, 0.4);
            self.y = self.margin + HEAD_ROOM + extra;
        }
    }

    /// Starts a new page unless `height` mm more fit on this one; true when it did.
    pub fn ensure(&mut self, height: f32) -> bool {
        if self.y + height > self.bottom() {
            self.new_page();
            return true;
        }
        false
    }

    pub fn text(&mut self, x: f32, size: f32, bold: bool, align: Align, text: &str) -> Result<(), DocError> {
        let (fonts, y) = (self.fonts, self.y);
        self.page().text(fonts, x, y, size, bold, align, text)
    }

    /// Wrapped text from `x`, `width` mm wide, breaking onto new pages as needed.
    pub fn paragraph(&mut self, x: f32, width: f32, size: f32, bold: bool, text: &str) -> Result<(), DocError> {
        let line_height = size * MM_PER_PT * 1.45;
        for line in wrap(self.fonts, text, width / MM_PER_PT, size, bold) {
            self.ensure(line_height);
            self.y += line_height;
            self.text(x, size, bold, Align::Left, &line)?;
        }
        Ok(())
    }

    /// Two columns of labelled facts under the title (customer, contact… | number, date…):
    /// the left value wraps, the right stays on its line.
    pub fn facts(&mut self, rows: &[[String; 4]]) -> Result<(), DocError> {
        let left = self.margin;
        let half = self.width() * 0.62;
        // The short continuous form sets its facts closer.
        let step = if self.paper.is_short() { 4.6 } else { 5.5 };
        for [l1, v1, l2, v2] in rows {
            self.y += step;
            self.text(left, 9.0, true, Align::Left, l1)?;
            let start = self.y;
            // The value's first line shares the label's baseline: paragraph() steps one
            // line down before it draws.
            self.y -= 9.0 * MM_PER_PT * 1.45;
            self.paragraph(left + 18.0, half - 20.0, 9.0, false, v1)?;
            let after = self.y;
            self.y = start;
            self.text(left + half, 9.0, true, Align::Left, l2)?;
            self.text(left + half + 20.0, 9.0, false, Align::Left, v2)?;
            self.y = self.y.max(after);
        }
        Ok(())
    }

    /// A dashed rule across the page: where a slip is torn off.
    pub fn dashed_rule(&mut self) {
        let (left, right, y) = (self.margin, self.margin + self.width(), self.y);
        let mut x = left;
        while x < right {
            self.page().line(x, y, (x + 2.0).min(right), y, 0.4);
            x += 3.5;
        }
    }

    /// An empty box to tick, `size` mm square, its top `size` mm above the baseline.
    pub fn checkbox(&mut self, x: f32, size: f32) {
        let y = self.y - size + 0.4;
        self.page().rect(x, y, size, size, None);
    }

    /// Decodes a PNG once for this document; returns its id and its size in pixels.
    pub fn add_png(&mut self, png: &[u8]) -> Result<(XObjectId, (usize, usize)), DocError> {
        let image = RawImage::decode_from_bytes(png, &mut Vec::new()).map_err(DocError::Image)?;
        let size = (image.width, image.height);
        Ok((self.keep_image(XObject::Image(image)), size))
    }

    /// Embeds a JPEG as it is (PDF reads JPEG natively): a photo of a signed paper keeps
    /// every detail it had and costs no more than its own size.
    pub fn add_jpeg(&mut self, jpeg: &[u8]) -> Result<(XObjectId, (usize, usize)), DocError> {
        let info = crate::jpeg::info(jpeg).ok_or_else(|| DocError::Image("not a JPEG image".into()))?;
        let colour = match info.components {
            1 => "DeviceGray",
            3 => "DeviceRGB",
            4 => "DeviceCMYK",
            n => return Err(DocError::Image(format!("a JPEG with {n} colour components"))),
        };
        let dict = [
            ("Type", DictItem::Name(b"XObject".to_vec())),
            ("Subtype", DictItem::Name(b"Image".to_vec())),
            ("Width", DictItem::Int(info.width as i64)),
            ("Height", DictItem::Int(info.height as i64)),
            ("ColorSpace", DictItem::Name(colour.as_bytes().to_vec())),
            ("BitsPerComponent", DictItem::Int(8)),
            ("Filter", DictItem::Name(b"DCTDecode".to_vec())),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let external = ExternalXObject {
            stream: ExternalStream { dict, content: jpeg.to_vec(), compress: false },
            width: Some(Px(info.width)),
            height: Some(Px(info.height)),
            dpi: None,
        };
        Ok((self.keep_image(XObject::External(external)), (info.width, info.height)))
    }

    fn keep_image(&mut self, image: XObject) -> XObjectId {
        let id = XObjectId(format!("HKIMG{}", self.images.len() + 1));
        self.images.push((id.clone(), image));
        id
    }

    /// The company's name, address, phone and tax id at the top of the first page, the
    /// logo to their left; a rule below.
    pub fn letterhead(&mut self, head: &Letterhead) -> Result<(), DocError> {
        // The short continuous form keeps the head to two lines: the page is for the goods.
        let short = self.paper.is_short();
        let (logo_w, name_size, detail_size, least) =
            if short { (12.0, 12.0, 7.5, 12.0) } else { (18.0, 14.0, 8.5, 18.0) };
        let mut x = self.margin;
        if let Some(png) = &head.logo_png {
            let (id, pixels) = self.add_png(png)?;
            let y = self.y;
            self.page().image(&id, pixels, x, y, logo_w);
            x += logo_w + 4.0;
        }
        self.y += if short { 5.5 } else { 7.0 };
        self.text(x, name_size, true, Align::Left, &head.name)?;
        let contact = [&head.phone, &head.tax_id]
            .iter()
            .zip(["电话 Tel ", "税号 Tax ID "])
            .filter(|(v, _)| !v.is_empty())
            .map(|(v, label)| format!("{label}{v}"))
            .collect::<Vec<_>>()
            .join("    ");
        let details: Vec<String> = if short {
            vec![[head.address.clone(), contact]
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join("    ")]
        } else {
            vec![head.address.clone(), contact]
        };
        for line in details.into_iter().filter(|s| !s.is_empty()) {
            self.y += if short { 4.0 } else { 4.6 };
            self.text(x, detail_size, false, Align::Left, &line)?;
        }
        self.y = self.y.max(self.margin + least) + if short { 2.0 } else { 3.0 };
        let (left, right, y) = (self.margin, self.size.0 - self.margin, self.y);
        self.page().line(left, y, right, y, 0.8);
        self.y += 2.0;
        Ok(())
    }

    /// Numbers the pages and writes the PDF: the same content gives the same bytes.
    pub fn finish(self) -> Result<Vec<u8>, DocError> {
        let id = self.id.clone();
        save(self.finish_document()?, &id)
    }

    /// The finished document, to be combined with others before it is saved.
    pub fn finish_document(mut self) -> Result<lopdf::Document, DocError> {
        let total = self.pages.len();
        let (width, height) = self.size;
        let (fonts, numbered) = (self.fonts, self.numbered);
        let language = self.language;
        let label = |i: usize| match language {
            Some(DocLanguage::Zh) => format!("第 {} 页 / 共 {total} 页", i + 1),
            Some(DocLanguage::En) => format!("Page {} of {total}", i + 1),
            None => format!("第 {} 页 / 共 {total} 页 · Page {} of {total}", i + 1, i + 1),
        };
        for (i, page) in self.pages.iter_mut().enumerate().filter(|_| numbered) {
            page.text(fonts, width / 2.0, height - self.margin, 8.0, false, Align::Center, &label(i))?;
        }
        let mut doc = PdfDocument::new(&self.title);
        let stamp = self.date.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc().timestamp();
        let when = DateTime::from_unix_timestamp(stamp).map_err(|e| DocError::Pdf(e.to_string()))?;
        let info = &mut doc.metadata.info;
        (info.creation_date, info.modification_date, info.metadata_date) = (when, when, when);
        info.producer = "Huikuan".into();
        info.creator = "Huikuan".into();
        info.identifier = self.id.clone();
        doc.resources.fonts.map.insert(FontId(self.faces.regular.clone()), PdfFont::new(fonts.regular.clone()));
        doc.resources.fonts.map.insert(FontId(self.faces.bold.clone()), PdfFont::new(fonts.bold.clone()));
        for (id, image) in self.images.drain(..) {
            doc.resources.xobjects.map.insert(id, image);
        }
        doc.pages = self.pages.drain(..).map(|p| PdfPage::new(Mm(width), Mm(height), p.ops)).collect();
        let opts = PdfSaveOptions {
            optimize: true,
            subset_fonts: true,
            secure: true,
            image_optimization: Some(ImageOptimizationOptions {
                quality: None,
                max_image_size: None,
                dither_greyscale: None,
                convert_to_greyscale: None,
                auto_optimize: Some(false),
                format: Some(ImageCompression::Flate),
            }),
        };
        let mut warnings = Vec::new();
        let lo = doc.to_lopdf_document(&opts, &mut warnings);
        if let Some(w) = warnings.iter().find(|w| w.severity == PdfParseErrorSeverity::Error) {
            return Err(DocError::Pdf(w.msg.clone()));
        }
        Ok(lo)
    }
}

/// Writes a document with a trailer ID of our own (printpdf's is random): the same
/// document gives the same bytes. Objects nothing refers to any more are dropped.
pub fn save(mut lo: lopdf::Document, id: &str) -> Result<Vec<u8>, DocError> {
    not_pdf_x(&mut lo);
    lo.prune_objects();
    let id = lopdf::Object::String(id.as_bytes().to_vec(), lopdf::StringFormat::Hexadecimal);
    lo.trailer.set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| DocError::Pdf(e.to_string()))?;
    Ok(out)
}

/// printpdf always writes `/GTS_PDFXVersion` into the Info dictionary, empty or not, and
/// readers take the key as a PDF/X claim these files do not make: it is taken out.
fn not_pdf_x(lo: &mut lopdf::Document) {
    let info = match lo.trailer.get(b"Info") {
        Ok(lopdf::Object::Reference(id)) => lo.get_object_mut(*id).ok(),
        _ => None,
    };
    if let Some(lopdf::Object::Dictionary(dict)) = info {
        dict.remove(b"GTS_PDFXVersion");
    }
}
