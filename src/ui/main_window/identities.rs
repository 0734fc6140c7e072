//! The account form's identities: the other senders the account sends as
//! (name, address, Reply-To, signature), as Thunderbird's "Manage
//! identities". Listed, added, edited and removed in the form, and written
//! with the account when the form is saved (Cancel keeps them as they
//! were).

use crate::ui::widget::{button, checkbox};
use iced::widget::{column, container, row, text, text_editor, text_input};
use iced::{Element, Length};

use super::accounts::{AccountForm, Multiline};
use crate::account::Identity;
use crate::t;
use crate::ui::style;

/// The identity being added or edited.
#[derive(Debug, Clone, Default)]
pub struct IdentityForm {
    /// The identity edited, by its place in the form's list; `None` for a
    /// new one.
    pub editing: Option<usize>,
    /// The name in `From`.
    pub name: String,
    /// The address in `From` and MAIL FROM.
    pub address: String,
    /// The Reply-To address, or empty.
    pub reply_to: String,
    /// The signature's editor (several lines).
    pub signature: Multiline,
    /// In a reply, the signature goes above the quote.
    pub above_quote: bool,
    /// Why the last "Done" was refused (translated).
    pub error: Option<String>,
}

/// What the person did in the identities part of the form.
#[derive(Debug, Clone)]
pub enum Message {
    /// Add an identity: an empty sub-form.
    Add,
    /// Edit the identity at this place in the list.
    Edit(usize),
    /// Remove the identity at this place in the list.
    Remove(usize),
    /// The name typed.
    Name(String),
    /// The address typed.
    Address(String),
    /// The Reply-To address typed.
    ReplyTo(String),
    /// Typing in the signature.
    Signature(text_editor::Action),
    /// "Signature above the quote" toggled.
    AboveQuote(bool),
    /// Keep the identity in the list (checked first).
    Done,
    /// Close the sub-form, the list as it was.
    Cancel,
}

/// The widget id of the sub-form's name field (the focus goes there when
/// it opens).
pub const NAME_ID: &str = "main-identity-name";
/// The widget id of the sub-form's address field.
pub const ADDRESS_ID: &str = "main-identity-address";
/// The widget id of "Add identity" (the focus comes back there).
pub const ADD_ID: &str = "main-identity-add";

/// The signature editor's height: three lines, in logical pixels.
const SIGNATURE_HEIGHT: f32 = 72.0;

/// Applies `message` to the account form `form`: the control to focus
/// next, if any.
pub fn update(form: &mut AccountForm, message: Message) -> Option<iced::widget::Id> {
    match message {
        Message::Add => {
            form.identity = Some(IdentityForm::default());
            return Some(NAME_ID.into());
        }
        Message::Edit(at) => {
            let i = form.identities.get(at)?;
            form.identity = Some(IdentityForm {
                editing: Some(at),
                name: i.name.clone(),
                address: i.address.clone(),
                reply_to: i.reply_to.clone(),
                signature: Multiline::with_text(&i.signature),
                above_quote: i.signature_above_quote,
                error: None,
            });
            return Some(NAME_ID.into());
        }
        Message::Remove(at) => {
            if at < form.identities.len() {
                form.identities.remove(at);
                // The one open in the sub-form is gone, or has moved up.
                form.identity = form.identity.take().and_then(|mut f| match f.editing {
                    Some(e) if e == at => None,
                    Some(e) if e > at => {
                        f.editing = Some(e - 1);
                        Some(f)
                    }
                    _ => Some(f),
                });
            }
            return Some(ADD_ID.into());
        }
        Message::Cancel => {
            form.identity = None;
            return Some(ADD_ID.into());
        }
        Message::Done => return done(form),
        _ => {}
    }
    let f = form.identity.as_mut()?;
    match message {
        Message::Name(v) => f.name = v,
        Message::Address(v) => f.address = v,
        Message::ReplyTo(v) => f.reply_to = v,
        Message::Signature(action) => f.signature.0.perform(action),
        Message::AboveQuote(on) => f.above_quote = on,
        _ => {}
    }
    None
}

/// "Done": the identity, checked as a message from it would be, goes into
/// the list (in its place when edited, keeping its id, which drafts name).
fn done(form: &mut AccountForm) -> Option<iced::widget::Id> {
    let f = form.identity.as_mut()?;
    let mut identity = match f.editing.and_then(|at| form.identities.get(at)) {
        Some(old) => old.clone(),
        None => Identity::new("", ""),
    };
    identity.name = f.name.trim().to_string();
    identity.address = f.address.trim().to_string();
    identity.reply_to = f.reply_to.trim().to_string();
    identity.signature = f.signature.0.text().trim_end().to_string();
    identity.signature_above_quote = f.above_quote;
    if let Err(problem) = identity.check() {
        f.error = Some(crate::report::identity_problem(&identity, &problem));
        return Some(ADDRESS_ID.into());
    }
    match f.editing {
        Some(at) if at < form.identities.len() => form.identities[at] = identity,
        _ => form.identities.push(identity),
    }
    form.identity = None;
    Some(ADD_ID.into())
}

/// The identities part of the account form: the list, "Add identity",
/// and the sub-form when one is open.
pub fn view(form: &AccountForm) -> Element<'_, super::Message> {
    let msg = super::Message::Identity;
    let mut list = column![].spacing(style::space::XS);
    if form.identities.is_empty() {
        list = list.push(text(t!("identity-none")).size(style::size::SMALL));
    }
    for (at, i) in form.identities.iter().enumerate() {
        let who = if i.name.is_empty() {
            i.address.clone()
        } else {
            format!("{} <{}>", i.name, i.address)
        };
        let mut info = column![text(crate::report::safe_line(&who))].width(Length::Fill);
        if !i.reply_to.is_empty() {
            info = info.push(
                text(t!(
                    "identity-reply-to",
                    address = crate::report::safe_line(&i.reply_to)
                ))
                .size(style::size::SMALL)
                .style(|t: &iced::Theme| text::Style {
                    color: Some(style::muted(t)),
                }),
            );
        }
        list = list.push(
            row![
                info,
                button(text(t!("main-edit")))
                    .style(style::secondary)
                    .on_press(msg(Message::Edit(at))),
                button(text(t!("main-remove")))
                    .style(button::danger)
                    .on_press(msg(Message::Remove(at))),
            ]
            .spacing(style::space::XS)
            .align_y(iced::Alignment::Center),
        );
    }
    match &form.identity {
        Some(f) => list = list.push(sub_form(f)),
        None => {
            list = list.push(
                button(text(t!("identity-add")))
                    .style(style::secondary)
                    .id(ADD_ID)
                    .on_press(msg(Message::Add)),
            )
        }
    }
    list = list.push(text(t!("identity-saved-with-account")).size(style::size::SMALL));
    row![
        text(t!("identity-section")).width(Length::Fixed(style::LABEL_WIDTH)),
        list.width(Length::Fill),
    ]
    .spacing(8)
    .into()
}

/// The sub-form of one identity.
fn sub_form(f: &IdentityForm) -> Element<'_, super::Message> {
    let msg = super::Message::Identity;
    let line = |label: String, field: Element<'static, super::Message>| {
        // Labels above their fields: beside them, in the form's
        // right-hand column, the fields were squeezed to a few letters.
        column![text(label).size(style::size::SMALL), field].spacing(2)
    };
    let input = |value: &str, id: &'static str, on: fn(String) -> Message| {
        Element::from(
            text_input("", value)
                .style(crate::ui::style::field)
                .id(id)
                .on_input(move |v| super::Message::Identity(on(v)))
                .on_submit(super::Message::Identity(Message::Done))
                .padding(6),
        )
    };
    let mut c = column![
        line(t!("form-name"), input(&f.name, NAME_ID, Message::Name)),
        line(
            t!("form-address"),
            input(&f.address, ADDRESS_ID, Message::Address)
        ),
        line(
            t!("identity-reply-to-field"),
            input(&f.reply_to, "main-identity-reply-to", Message::ReplyTo)
        ),
        column![
            text(t!("form-signature")).size(style::size::SMALL),
            crate::ui::widget::small_editor::small_editor(
                &f.signature.0,
                "main-identity-signature",
                t!("form-signature-placeholder"),
                SIGNATURE_HEIGHT,
                move |a| msg(Message::Signature(a)),
            ),
        ]
        .spacing(2),
        checkbox(f.above_quote)
            .label(t!("identity-above-quote"))
            .on_toggle(move |on| msg(Message::AboveQuote(on))),
    ]
    .spacing(style::space::S);
    if let Some(e) = &f.error {
        c = c.push(text(e.clone()).style(text::danger));
    }
    c = c.push(
        row![
            button(text(t!("identity-done")))
                .style(button::primary)
                .on_press(msg(Message::Done)),
            button(text(t!("main-cancel")))
                .style(style::secondary)
                .on_press(msg(Message::Cancel)),
        ]
        .spacing(8),
    );
    container(c)
        .padding(style::space::M)
        .width(Length::Fill)
        .style(style::list_row)
        .into()
}
