//! `labelled_enum!`: closed lists stored as English snake_case text and shown with a Chinese label.

/// Declares an enum whose variants have a stable storage name and a Chinese label, with
/// `ALL`, `as_str()`, `label()`, `parse()` and `read()`; serde reads and writes the storage name.
#[macro_export]
macro_rules! labelled_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal : $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <String as serde::Deserialize>::deserialize(d)?;
                Self::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("未知的取值：{s}")))
            }
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str { match self { $($name::$variant => $code),+ } }
            pub fn label(self) -> &'static str { match self { $($name::$variant => $label),+ } }
            pub fn parse(s: &str) -> Option<$name> { Self::ALL.iter().copied().find(|v| v.as_str() == s) }
            /// By storage name or by Chinese label, trimmed (what a script or an older file may hold).
            pub fn read(s: &str) -> Option<$name> {
                let s = s.trim();
                Self::parse(s).or_else(|| Self::ALL.iter().copied().find(|v| v.label() == s))
            }
        }
    };
}
