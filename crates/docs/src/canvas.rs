//! One page being drawn, in millimetres measured from the top-left corner (the way a
//! layout is thought about); converted to PDF points from the bottom-left here only.

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, Rgb, TextItem, TextMatrix,
    XObjectId, XObjectTransform,
};

use crate::error::DocError;
use crate::fonts::Fonts;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    A5,
    /// The 241 × 140 mm continuous form (二等分) dot-matrix printers feed for multi-part
    /// delivery notes: wide and short, so a note runs onto more pages.
    Continuous241x140,
}

impl Paper {
    /// Width and height in millimetres as the paper is fed (A4 and A5 portrait).
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A5 => (148.0, 210.0),
            Paper::Continuous241x140 => (241.0, 140.0),
        }
    }

    /// The name kept with a frozen document and in settings.
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A5 => "A5",
            Paper::Continuous241x140 => "241x140",
        }
    }

    /// The paper a name stands for; anything unknown is A4, the paper documents had
    /// before there was a choice.
    pub fn from_name(name: &str) -> Paper {
        match name.trim().to_ascii_uppercase().as_str() {
            "A5" => Paper::A5,
            "241X140" => Paper::Continuous241x140,
            _ => Paper::A4,
        }
    }

    /// Short paper (the continuous form): compact letterhead, smaller boxes.
    pub fn is_short(self) -> bool {
        self.size().1 < 180.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Type is sized in points, the page laid out in millimetres.
pub const MM_PER_PT: f32 = 25.4 / 72.0;

/// The PDF names of a document's two faces, which are also the tags of their subsets
/// (`ABCDEF+NotoSansCJKsc-Regular`). Each document gets its own, derived from its id: two
/// subsets with one name confuse viewers when documents are combined (a signature over a
/// page, statements merged for printing), and the same document always gets the same ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaceIds {
    pub regular: String,
    pub bold: String,
}

impl FaceIds {
    pub fn for_document(id: &str) -> FaceIds {
        FaceIds { regular: tag(id, "regular"), bold: tag(id, "bold") }
    }
}

/// Six capital letters from an FNV-1a hash of the document id and the face.
fn tag(id: &str, face: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.bytes().chain([0]).chain(face.bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6).map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8)).collect()
}

pub struct Canvas {
    pub width: f32,
    pub height: f32,
    pub ops: Vec<Op>,
    faces: FaceIds,
}

fn pt(mm: f32) -> Pt {
    Mm(mm).into()
}

fn black() -> Color {
    Color::Rgb(Rgb::new(0.0, 0.0, 0.0, None))
}

impl Canvas {
    pub fn new(paper: Paper, faces: FaceIds) -> Canvas {
        let (width, height) = paper.size();
        Canvas::sized(width, height, faces)
    }

    /// A page of any size (a landscape page: the paper's size turned).
    pub fn sized(width: f32, height: f32, faces: FaceIds) -> Canvas {
        let ops = vec![Op::SetFillColor { col: black() }, Op::SetOutlineColor { col: black() }];
        Canvas { width, height, ops, faces }
    }

    /// Text on one line with its baseline `y` mm from the top; `x` is where the alignment
    /// anchors it. Every character is checked before anything is drawn.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        fonts: &Fonts,
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        align: Align,
        text: &str,
    ) -> Result<(), DocError> {
        if text.is_empty() {
            return Ok(());
        }
        fonts.check(text)?;
        let width_pt = fonts.width(text, size, bold);
        let left = pt(x).0
            - match align {
                Align::Left => 0.0,
                Align::Center => width_pt / 2.0,
                Align::Right => width_pt,
            };
        let id = if bold { &self.faces.bold } else { &self.faces.regular };
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont { font: PdfFontHandle::External(FontId(id.clone())), size: Pt(size) },
            Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(left), pt(self.height - y)) },
            Op::ShowText { items: vec![TextItem::Text(text.to_string())] },
            Op::EndTextSection,
        ]);
        Ok(())
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32) {
        let point = |x: f32, y: f32| LinePoint { p: Point { x: pt(x), y: pt(self.height - y) }, bezier: false };
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        self.ops.push(Op::DrawLine { line: Line { points: vec![point(x1, y1), point(x2, y2)], is_closed: false } });
    }

    /// A rectangle with its top-left corner at (x, y); filled with `grey` (0 black … 1 white) or outlined.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill_grey: Option<f32>) {
        let rectangle = Rect {
            x: pt(x),
            y: pt(self.height - y - h),
            width: pt(w),
            height: pt(h),
            mode: Some(if fill_grey.is_some() { PaintMode::Fill } else { PaintMode::Stroke }),
            winding_order: None,
        };
        match fill_grey {
            Some(g) => {
                self.ops.push(Op::SetFillColor { col: Color::Rgb(Rgb::new(g, g, g, None)) });
                self.ops.push(Op::DrawRectangle { rectangle });
                self.ops.push(Op::SetFillColor { col: black() });
            }
            None => {
                self.ops.push(Op::SetOutlineThickness { pt: Pt(0.5) });
                self.ops.push(Op::DrawRectangle { rectangle });
            }
        }
    }

    /// An image `w` mm wide (height from its proportions) with its top-left corner at (x, y).
    pub fn image(&mut self, id: &XObjectId, pixels: (usize, usize), x: f32, y: f32, w: f32) {
        let (px_w, px_h) = (pixels.0.max(1) as f32, pixels.1.max(1) as f32);
        let h = w * px_h / px_w;
        let dpi = px_w * 72.0 / pt(w).0;
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(pt(x)),
                translate_y: Some(pt(self.height - y - h)),
                dpi: Some(dpi),
                ..Default::default()
            },
        });
    }
}
