//! The window opens sized to the screen it is on: the secretary's 1366×768 laptop gets a
//! maximised window (every pixel counts there), a larger screen the configured size, but never
//! taller or wider than the screen itself (a window whose 保存 lies below the screen's edge is
//! a window she cannot use).

use tauri::{LogicalSize, Runtime, WebviewWindow};

/// Screens up to this size (logical pixels) open maximised.
const SMALL_SCREEN: (f64, f64) = (1440.0, 900.0);
/// Room left for a taskbar or panel when the window is fitted instead of maximised.
const MARGIN: f64 = 48.0;

/// What to do with a window wanting `want` on a screen of `screen` (both logical pixels).
#[derive(Debug, PartialEq)]
pub enum Fit {
    /// Maximised; first sized to fit, for a desktop that ignores the request (no window manager).
    Maximise(f64, f64),
    Size(f64, f64),
    Keep,
}

pub fn fit(screen: (f64, f64), want: (f64, f64)) -> Fit {
    let width = want.0.min(screen.0 - MARGIN);
    let height = want.1.min(screen.1 - MARGIN);
    if screen.0 <= SMALL_SCREEN.0 && screen.1 <= SMALL_SCREEN.1 {
        Fit::Maximise(width, height)
    } else if (width, height) == want {
        Fit::Keep
    } else {
        Fit::Size(width, height)
    }
}

/// Applies [`fit`] to the window on the monitor it opened on; without a monitor (a headless
/// session) the window stays as configured. Failures cost only the convenience.
pub fn fit_to_screen<R: Runtime>(window: &WebviewWindow<R>) {
    let Ok(Some(monitor)) = window.current_monitor() else { return };
    let scale = monitor.scale_factor();
    let screen = monitor.size().to_logical::<f64>(scale);
    let Ok(inner) = window.inner_size() else { return };
    let want = inner.to_logical::<f64>(scale);
    match fit((screen.width, screen.height), (want.width, want.height)) {
        Fit::Maximise(w, h) => {
            let _ = window.set_size(LogicalSize::new(w, h));
            let _ = window.maximize();
        }
        Fit::Size(w, h) => {
            let _ = window.set_size(LogicalSize::new(w, h));
            let _ = window.center();
        }
        Fit::Keep => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_small_laptop_gets_a_maximised_window() {
        // Never taller than the screen, even where the desktop ignores “maximise”.
        assert_eq!(fit((1366.0, 768.0), (1280.0, 820.0)), Fit::Maximise(1280.0, 720.0));
        assert_eq!(fit((1440.0, 900.0), (1280.0, 820.0)), Fit::Maximise(1280.0, 820.0));
    }

    #[test]
    fn a_larger_screen_keeps_the_size_unless_it_would_not_fit() {
        assert_eq!(fit((1920.0, 1080.0), (1280.0, 820.0)), Fit::Keep);
        // 1600×900 is wider than the small-screen bound but 820 + a taskbar does not fit.
        assert_eq!(fit((1600.0, 850.0), (1280.0, 820.0)), Fit::Size(1280.0, 802.0));
    }
}
