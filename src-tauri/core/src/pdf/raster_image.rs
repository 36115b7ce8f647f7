//! Pixels in and out of the picture back end: a decoded photo (printpdf's [`RawImage`]) as a
//! tiny-skia pixmap to draw, and the finished picture as PNG bytes.

use printpdf::{RawImage, RawImageData, RawImageFormat};
use tiny_skia::{ColorU8, IntSize, Pixmap};

use super::PdfError;

/// `image` as a premultiplied RGBA pixmap; `None` for a format or size it cannot be (the layout
/// only holds what `decode_image` accepted, so this is a defect, drawn as nothing).
pub(crate) fn to_pixmap(image: &RawImage) -> Option<Pixmap> {
    let bytes = eight_bit(&image.pixels);
    let channels = channels(image.data_format);
    let count = image.width.checked_mul(image.height)?;
    if bytes.len() < count.checked_mul(channels)? {
        return None;
    }
    let mut data = Vec::with_capacity(count * 4);
    for px in bytes.chunks_exact(channels).take(count) {
        let [r, g, b, a] = rgba(image.data_format, px);
        let c = ColorU8::from_rgba(r, g, b, a).premultiply();
        data.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    let size = IntSize::from_wh(u32::try_from(image.width).ok()?, u32::try_from(image.height).ok()?)?;
    Pixmap::from_vec(data, size)
}

/// Samples as 8 bits: 16-bit PNGs keep their high byte, float images are clamped to 0..=1.
fn eight_bit(pixels: &RawImageData) -> std::borrow::Cow<'_, [u8]> {
    match pixels {
        RawImageData::U8(v) => std::borrow::Cow::Borrowed(v),
        RawImageData::U16(v) => v.iter().map(|s| (s >> 8) as u8).collect(),
        RawImageData::F32(v) => v.iter().map(|s| (s.clamp(0.0, 1.0) * 255.0).round() as u8).collect(),
    }
}

fn channels(format: RawImageFormat) -> usize {
    match format {
        RawImageFormat::R8 | RawImageFormat::R16 => 1,
        RawImageFormat::RG8 | RawImageFormat::RG16 => 2,
        RawImageFormat::RGB8 | RawImageFormat::RGB16 | RawImageFormat::BGR8 | RawImageFormat::RGBF32 => 3,
        RawImageFormat::RGBA8 | RawImageFormat::RGBA16 | RawImageFormat::BGRA8 | RawImageFormat::RGBAF32 => 4,
    }
}

/// One pixel's samples (as many as [`channels`] says) as straight RGBA.
fn rgba(format: RawImageFormat, px: &[u8]) -> [u8; 4] {
    let at = |i: usize| px.get(i).copied().unwrap_or(255);
    match format {
        RawImageFormat::R8 | RawImageFormat::R16 => [at(0), at(0), at(0), 255],
        RawImageFormat::RG8 | RawImageFormat::RG16 => [at(0), at(0), at(0), at(1)],
        RawImageFormat::BGR8 => [at(2), at(1), at(0), 255],
        RawImageFormat::BGRA8 => [at(2), at(1), at(0), at(3)],
        RawImageFormat::RGB8 | RawImageFormat::RGB16 | RawImageFormat::RGBF32 => [at(0), at(1), at(2), 255],
        RawImageFormat::RGBA8 | RawImageFormat::RGBA16 | RawImageFormat::RGBAF32 => [at(0), at(1), at(2), at(3)],
    }
}

/// The picture's rows, one byte per pixel (grey) or three (RGB), as the PNG will hold them.
pub(crate) struct Rows {
    pub width: u32,
    pub colour: bool,
    pub data: Vec<u8>,
}

impl Rows {
    /// Append the opaque `page` (white background, so premultiplied = straight colour).
    pub fn push(&mut self, page: &Pixmap) {
        for px in page.pixels() {
            let (r, g, b) = (px.red(), px.green(), px.blue());
            if self.colour {
                self.data.extend_from_slice(&[r, g, b]);
            } else {
                // Everything but a photo is grey already (r = g = b); Rec. 601 weights anyway.
                let luma = (u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114 + 500) / 1000;
                self.data.push(luma as u8);
            }
        }
    }

    /// Append `height` rows of one grey level (the band between pages).
    pub fn push_band(&mut self, height: u32, level: u8) {
        let per_px = if self.colour { 3 } else { 1 };
        let n = self.width as usize * height as usize * per_px;
        self.data.resize(self.data.len() + n, level);
    }

    /// The PNG file. Best compression with adaptive filters: text on white compresses about
    /// 20:1, and the encoder still takes only tens of milliseconds for a page.
    pub fn encode(&self) -> Result<Vec<u8>, PdfError> {
        let per_row = self.width as usize * if self.colour { 3 } else { 1 };
        let height = u32::try_from(self.data.len() / per_row.max(1)).map_err(picture_error)?;
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, self.width, height);
        encoder.set_color(if self.colour { png::ColorType::Rgb } else { png::ColorType::Grayscale });
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::High);
        encoder.set_filter(png::Filter::Adaptive);
        let mut writer = encoder.write_header().map_err(picture_error)?;
        writer.write_image_data(&self.data).map_err(picture_error)?;
        writer.finish().map_err(picture_error)?;
        Ok(out)
    }
}

pub(crate) fn picture_error(detail: impl std::fmt::Display) -> PdfError {
    PdfError::Picture { detail: detail.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grey_and_16_bit_images_become_rgba() {
        let grey = RawImage {
            pixels: RawImageData::U8(vec![0, 128]),
            width: 2,
            height: 1,
            data_format: RawImageFormat::R8,
            tag: Vec::new(),
        };
        let p = to_pixmap(&grey).expect("pixmap");
        assert_eq!(p.pixels()[1].red(), 128);
        let deep = RawImage {
            pixels: RawImageData::U16(vec![0, 0, 0xFFFF]),
            width: 1,
            height: 1,
            data_format: RawImageFormat::RGB16,
            tag: Vec::new(),
        };
        let p = to_pixmap(&deep).expect("pixmap");
        assert_eq!((p.pixels()[0].red(), p.pixels()[0].blue()), (0, 255));
        let short = RawImage { width: 3, ..grey };
        assert!(to_pixmap(&short).is_none(), "fewer samples than pixels");
    }
}
