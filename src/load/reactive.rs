//! The component's reactive types, each one erased type over Leptos's:
//! [`Sig<T>`] (a `RwSignal`), [`Derived<T>`] (a `Memo`) and [`Stored<T>`] (a
//! `StoredValue` in local storage); [`bind`], the one render effect type of
//! the crate (the view's bindings and every effect); [`keep`] and
//! [`on_cleanup_local`], which keep a value or a cleanup with the current
//! owner, for what is not `Send`.
//!
//! reactive_graph compiles its signal and memo code (reading, tracking,
//! setting, checking a memo for changes, dropping) once per value type; with
//! about thirty value types, that is most of its ~70 KB of wasm. These types
//! keep the value typed for their users and erased underneath (`Box<dyn
//! Any>` in one `RwSignal` type, an `Arc<dyn Any>` in one `Memo` type), so
//! that code is compiled once; what is left per type is a downcast.
//! Behaviour is Leptos's: reads track, writes notify, a memo recomputes
//! lazily and notifies only when its new value differs (`PartialEq`) from
//! the last.
//!
//! The method names are Leptos's: `state.scope.get()`,
//! `state.filters.with(|f| ...)`, `t.sorted.track()`.
//!
//! Why erased signal types: docs/decisions/0001-size-driven-design.md.

// The one place Leptos's signal types are named (clippy.toml forbids them
// elsewhere): each is wrapped in one erased type.
#![allow(clippy::disallowed_types)]

use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

use leptos::prelude::*;

type AnyBox = Box<dyn Any + Send + Sync>;

fn down<T: 'static>(value: &AnyBox) -> &T {
    // Only `Sig<T>::new` and `set` put values in, always of type `T`.
    value
        .downcast_ref()
        .unwrap_or_else(|| unreachable!("a Sig holds its own type"))
}

fn down_mut<T: 'static>(value: &mut AnyBox) -> &mut T {
    value
        .downcast_mut()
        .unwrap_or_else(|| unreachable!("a Sig holds its own type"))
}

/// A signal of a `T` (Leptos's `RwSignal`, erased underneath). `Copy`, like
/// the signal; it belongs to the owner it was made under.
pub struct Sig<T> {
    inner: RwSignal<AnyBox>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Sig<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Sig<T> {}

fn new_any(value: AnyBox) -> RwSignal<AnyBox> {
    RwSignal::new(value)
}

impl<T: Send + Sync + 'static> Sig<T> {
    /// A new signal holding `value`.
    pub fn new(value: T) -> Sig<T> {
        Sig {
            inner: new_any(Box::new(value)),
            ty: PhantomData,
        }
    }

    /// Reads the value, tracked.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(down(&self.inner.read()))
    }

    /// Reads the value without tracking.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(down(&self.inner.read_untracked()))
    }

    /// A copy of the value, tracked.
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.with(T::clone)
    }

    /// A copy of the value, without tracking.
    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.with_untracked(T::clone)
    }

    /// A copy of the value, or `None` once the signal is disposed.
    pub fn try_get_untracked(&self) -> Option<T>
    where
        T: Clone,
    {
        self.inner
            .try_read_untracked()
            .map(|v| down::<T>(&v).clone())
    }

    /// Tracks the signal without reading it.
    pub fn track(&self) {
        self.inner.track();
    }

    /// Replaces the value and notifies.
    pub fn set(&self, value: T) {
        self.inner.set(Box::new(value));
    }

    /// Like [`Sig::set`]; gives the value back if the signal is disposed
    /// (a task finishing after its table was unmounted).
    pub fn try_set(&self, value: T) -> Option<T> {
        self.inner
            .try_set(Box::new(value))
            .map(|v| *v.downcast::<T>().unwrap_or_else(|_| unreachable!()))
    }

    /// Changes the value in place and notifies.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        f(down_mut(&mut self.inner.write()));
    }

    /// Like [`Sig::update`]; `None` if the signal is disposed.
    pub fn try_update<R>(&self, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        self.inner.try_write().map(|mut v| f(down_mut(&mut v)))
    }
}

/// A memo's value, erased: compared with the `PartialEq` of its type.
#[derive(Clone)]
struct Erased {
    value: Arc<dyn Any + Send + Sync>,
    eq: fn(&Erased, &Erased) -> bool,
}

impl PartialEq for Erased {
    fn eq(&self, other: &Erased) -> bool {
        (self.eq)(self, other)
    }
}

fn same<T: PartialEq + 'static>(a: &Erased, b: &Erased) -> bool {
    a.value.downcast_ref::<T>() == b.value.downcast_ref::<T>()
}

fn memo_of(f: Box<dyn Fn() -> Erased + Send + Sync>) -> Memo<Erased> {
    Memo::new(move |_| f())
}

/// A value derived from signals (Leptos's `Memo`, erased underneath):
/// computed when read after a change, and notifying its readers only when
/// the new value differs from the last.
pub struct Derived<T> {
    inner: Memo<Erased>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Derived<T> {}

fn read_erased<T: 'static>(value: &Erased) -> &T {
    value
        .value
        .downcast_ref()
        .unwrap_or_else(|| unreachable!("a Derived holds its own type"))
}

impl<T: PartialEq + Send + Sync + 'static> Derived<T> {
    /// The memo of `f`.
    pub fn new(f: impl Fn() -> T + Send + Sync + 'static) -> Derived<T> {
        Derived {
            inner: memo_of(Box::new(move || Erased {
                value: Arc::new(f()),
                eq: same::<T>,
            })),
            ty: PhantomData,
        }
    }

    /// Reads the value, tracked.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(read_erased(&self.inner.read()))
    }

    /// Reads the value without tracking.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(read_erased(&self.inner.read_untracked()))
    }

    /// A copy of the value, tracked.
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.with(T::clone)
    }

    /// A copy of the value, without tracking.
    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.with_untracked(T::clone)
    }

    /// A copy of the value, or `None` once the memo is disposed.
    pub fn try_get_untracked(&self) -> Option<T>
    where
        T: Clone,
    {
        self.inner
            .try_read_untracked()
            .map(|v| read_erased::<T>(&v).clone())
    }

    /// Tracks the memo without reading it.
    pub fn track(&self) {
        self.inner.track();
    }
}

/// A value kept with the owner, not reactive (Leptos's `StoredValue`, in
/// its local storage, erased underneath like [`Sig`]). `Copy`.
pub struct Stored<T> {
    inner: StoredValue<Box<dyn Any>, LocalStorage>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Stored<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Stored<T> {}

fn store_any(value: Box<dyn Any>) -> StoredValue<Box<dyn Any>, LocalStorage> {
    StoredValue::new_local(value)
}

fn stored<T: 'static>(value: &dyn Any) -> &T {
    value
        .downcast_ref()
        .unwrap_or_else(|| unreachable!("a Stored holds its own type"))
}

impl<T: 'static> Stored<T> {
    /// Keeps `value`.
    pub fn new(value: T) -> Stored<T> {
        Stored {
            inner: store_any(Box::new(value)),
            ty: PhantomData,
        }
    }

    /// Reads the value.
    pub fn with_value<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(stored(&**self.inner.read_value()))
    }

    /// A copy of the value.
    pub fn get_value(&self) -> T
    where
        T: Clone,
    {
        self.with_value(T::clone)
    }

    /// A copy of the value, or `None` once the owner is disposed.
    pub fn try_get_value(&self) -> Option<T>
    where
        T: Clone,
    {
        self.inner
            .try_read_value()
            .map(|v| stored::<T>(&**v).clone())
    }

    /// Replaces the value.
    pub fn set_value(&self, value: T) {
        self.inner.set_value(Box::new(value));
    }

    /// Like [`Stored::set_value`]; gives the value back once the owner is
    /// disposed.
    pub fn try_set_value(&self, value: T) -> Option<T> {
        self.inner
            .try_set_value(Box::new(value))
            .map(|v| *v.downcast::<T>().unwrap_or_else(|_| unreachable!()))
    }
}

/// Runs `f` when the current owner is cleaned up (the component goes, or
/// the part it belongs to is built again), like Leptos's `on_cleanup`, for
/// what is not `Send` (JS objects, closures): it is kept in the owner's
/// local storage and runs when dropped. No `SendWrapper` and its thread
/// check on every access: the wasm is single-threaded.
pub fn on_cleanup_local(f: impl FnOnce() + 'static) {
    keep(OnDrop(Some(Box::new(f))));
}

/// Keeps `value` until the current owner is cleaned up, then drops it.
pub fn keep<T: 'static>(value: T) {
    Stored::new(value);
}

struct OnDrop(Option<Box<dyn FnOnce()>>);

impl Drop for OnDrop {
    fn drop(&mut self) {
        if let Some(f) = self.0.take() {
            f();
        }
    }
}

/// Runs `f` now and again whenever the signals it reads change; ends with
/// the current owner. The one render effect type of the crate: the view's
/// bindings (`crate::view::el`) and every effect (`crate::load::effect`).
pub fn bind(mut f: Box<dyn FnMut()>) {
    keep(RenderEffect::new(move |_: Option<()>| f()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_sig_reads_what_was_set_and_updated() {
        let owner = Owner::new();
        owner.with(|| {
            let s = Sig::new(vec![1, 2]);
            assert_eq!(s.get(), vec![1, 2]);
            s.set(vec![3]);
            s.update(|v| v.push(4));
            assert_eq!(s.with(|v| v.len()), 2);
            assert_eq!(s.get_untracked(), vec![3, 4]);
            assert_eq!(s.try_update(|v| v.pop()), Some(Some(4)));
            assert_eq!(s.try_set(vec![9]), None, "set while alive");
            assert_eq!(s.try_get_untracked(), Some(vec![9]));
        });
        let s = owner.with(|| Sig::new(1u8));
        owner.cleanup();
        assert_eq!(
            s.try_set(2),
            Some(2),
            "a disposed signal gives the value back"
        );
        assert_eq!(s.try_get_untracked(), None);
    }

    #[test]
    fn a_derived_value_recomputes_on_change_and_notifies_only_when_it_differs() {
        let owner = Owner::new();
        owner.with(|| {
            let n = Sig::new(1u32);
            let parity = Derived::new(move || n.get() % 2);
            let runs = Arc::new(AtomicUsize::new(0));
            let counted = runs.clone();
            let label = Derived::new(move || {
                counted.fetch_add(1, Ordering::SeqCst);
                format!("parity {}", parity.get())
            });
            assert_eq!(label.get(), "parity 1");
            assert_eq!(runs.load(Ordering::SeqCst), 1);
            n.set(3); // same parity: `label` is not computed again
            assert_eq!(label.get(), "parity 1");
            assert_eq!(runs.load(Ordering::SeqCst), 1);
            n.set(4);
            assert_eq!(label.get(), "parity 0");
            assert_eq!(runs.load(Ordering::SeqCst), 2);
            assert_eq!(parity.try_get_untracked(), Some(0));
        });
        owner.cleanup();
    }

    #[test]
    fn local_cleanups_run_once_when_their_owner_is_cleaned_up() {
        use std::cell::Cell;
        use std::rc::Rc;
        let owner = Owner::new();
        let ran = Rc::new(Cell::new(0));
        let counted = ran.clone();
        owner.with(|| on_cleanup_local(move || counted.set(counted.get() + 1)));
        assert_eq!(ran.get(), 0);
        owner.cleanup();
        assert_eq!(ran.get(), 1);
        owner.cleanup();
        assert_eq!(ran.get(), 1, "once");
    }
}
