//! Combining finished PDFs without re-rendering them: a layer printed over one page (the
//! signature on an issued document keeps every byte of the issued page's content), pages
//! appended (a scan, a batch of statements for printing).

use lopdf::{dictionary, Document, Object, ObjectId, Stream};

use crate::error::DocError;

fn pdf_error(e: lopdf::Error) -> DocError {
    DocError::Pdf(e.to_string())
}

pub fn load(bytes: &[u8]) -> Result<Document, DocError> {
    Document::load_mem(bytes).map_err(pdf_error)
}

/// Moves every object of `other` into `base` under fresh ids; returns other's pages in order.
/// Its catalog and page tree come along unreferenced: saving drops them.
fn absorb(base: &mut Document, mut other: Document) -> Vec<ObjectId> {
    other.renumber_objects_with(base.max_id + 1);
    let pages: Vec<ObjectId> = other.get_pages().into_values().collect();
    base.max_id = base.max_id.max(other.max_id);
    base.objects.extend(other.objects);
    pages
}

fn pages_root(doc: &Document) -> Result<ObjectId, DocError> {
    let catalog = doc.catalog().map_err(pdf_error)?;
    catalog.get(b"Pages").and_then(Object::as_reference).map_err(pdf_error)
}

/// Prints page 1 of `layer` over page `page` (from 1) of `base`, as a form XObject with its
/// own resources: the base page's content and resources stay exactly as they were.
pub fn print_over(base: &mut Document, page: usize, layer: Document) -> Result<(), DocError> {
    let target = *base
        .get_pages()
        .get(&(page as u32))
        .ok_or_else(|| DocError::Pdf(format!("the document has no page {page}")))?;
    let layer_page = *absorb(base, layer).first().ok_or_else(|| DocError::Pdf("the layer has no page".into()))?;
    let content = base.get_page_content(layer_page);
    let page_dict = base.get_dictionary(layer_page).map_err(pdf_error)?;
    let resources = page_dict.get(b"Resources").map_err(pdf_error)?.clone();
    let media_box = page_dict.get(b"MediaBox").map_err(pdf_error)?.clone();
    let form = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => media_box,
            "Resources" => resources,
        },
        content,
    );
    let form_id = base.add_object(form);
    let name = format!("HKLAYER{}", form_id.0);
    base.add_xobject(target, name.as_bytes(), form_id).map_err(pdf_error)?;
    base.add_page_contents(target, format!("q /{name} Do Q").into_bytes()).map_err(pdf_error)?;
    Ok(())
}

/// Appends every page of `other` to `base`.
pub fn append(base: &mut Document, other: Document) -> Result<(), DocError> {
    let root = pages_root(base)?;
    let pages = absorb(base, other);
    for &page in &pages {
        base.get_object_mut(page).and_then(Object::as_dict_mut).map_err(pdf_error)?.set("Parent", root);
    }
    let tree = base.get_object_mut(root).and_then(Object::as_dict_mut).map_err(pdf_error)?;
    let kids = tree.get_mut(b"Kids").and_then(Object::as_array_mut).map_err(pdf_error)?;
    kids.extend(pages.iter().map(|&p| Object::Reference(p)));
    let count = kids.len() as i64;
    tree.set("Count", count);
    Ok(())
}

/// One PDF of all of `pdfs`, in order: for printing a batch at once.
pub fn concat(pdfs: &[Vec<u8>], id: &str) -> Result<Vec<u8>, DocError> {
    let (first, rest) = pdfs.split_first().ok_or_else(|| DocError::Pdf("nothing to combine".into()))?;
    let mut base = load(first)?;
    for pdf in rest {
        append(&mut base, load(pdf)?)?;
    }
    crate::pdf::save(base, id)
}
