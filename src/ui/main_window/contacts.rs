//! The Contacts view: the address book the compose window suggests from
//! (learned from every message sent), each contact to write to, edit or
//! remove, and new ones added by hand.

use iced::widget::{column, container, row, text, text_input};
use iced::{Element, Length};

use super::lists::{RowKeys, list_row, local_time, muted, page};
use super::{Action, Confirm, Message as Main, State};
use crate::contacts::Contact;
use crate::t;
use crate::ui::style;
use crate::ui::widget::button;

/// The form's name field (the focus goes there when it opens).
pub const NAME_ID: &str = "contact-name";
/// The form's address field.
pub const ADDRESS_ID: &str = "contact-address";

/// A contact being added or edited.
#[derive(Debug, Clone, Default)]
pub struct ContactForm {
    /// The address of the contact edited; `None` for a new one.
    pub original: Option<String>,
    /// The name as typed.
    pub name: String,
    /// The address as typed.
    pub address: String,
    /// Why saving failed (translated), shown under the form.
    pub error: Option<String>,
}

/// What the person did in the Contacts view.
#[derive(Debug, Clone)]
pub enum Message {
    /// Add a contact: the empty form.
    New,
    /// Edit the contact with this address.
    Edit(String),
    /// The name typed.
    Name(String),
    /// The address typed.
    Address(String),
    /// Save the form.
    Save,
    /// Close the form.
    Cancel,
    /// Remove the contact with this address (asks first).
    Remove(String),
    /// Write to this contact (`Name <address>`).
    Write(String),
}

impl State {
    /// The contact form, when open.
    pub fn contact_form(&self) -> Option<&ContactForm> {
        self.contact_form.as_ref()
    }

    /// Saving the form failed: it stays, saying why (translated).
    pub fn contact_not_saved(&mut self, reason: String) {
        if let Some(f) = &mut self.contact_form {
            f.error = Some(reason);
        }
    }

    /// The form was saved: it closes.
    pub fn contact_saved(&mut self) {
        self.contact_form = None;
    }

    /// Handles a Contacts view message; `book` is the address book shown.
    pub(super) fn contact_update(&mut self, message: Message, book: &[Contact]) -> Action {
        match message {
            Message::New => {
                self.contact_form = Some(ContactForm::default());
                return Action::Focus(NAME_ID.into());
            }
            Message::Edit(address) => {
                if let Some(c) = book.iter().find(|c| c.address == address) {
                    self.contact_form = Some(ContactForm {
                        original: Some(c.address.clone()),
                        name: c.name.clone(),
                        address: c.address.clone(),
                        error: None,
                    });
                    return Action::Focus(NAME_ID.into());
                }
            }
            Message::Name(v) => {
                if let Some(f) = &mut self.contact_form {
                    f.name = v;
                }
            }
            Message::Address(v) => {
                if let Some(f) = &mut self.contact_form {
                    f.address = v;
                    f.error = None;
                }
            }
            Message::Save => {
                if let Some(f) = &self.contact_form {
                    return Action::SaveContact {
                        original: f.original.clone(),
                        name: f.name.trim().to_string(),
                        address: f.address.trim().to_string(),
                    };
                }
            }
            Message::Cancel => self.contact_form = None,
            Message::Remove(address) => self.confirm = Some(Confirm::RemoveContact(address)),
            Message::Write(mailbox) => return Action::WriteTo(mailbox),
        }
        Action::None
    }
}

/// The Contacts view: the form when open, then the contacts by name.
pub(super) fn view<'a>(state: &'a State, book: &'a [Contact]) -> Element<'a, Main> {
    let msg = |m: Message| Main::Contact(m);
    let rows: Vec<Element<'a, Main>> = book
        .iter()
        .enumerate()
        .map(|(index, c)| {
            let mut second = Vec::new();
            if !c.name.trim().is_empty() {
                second.push(muted(c.address.clone()));
            }
            second.push(muted(if c.uses == 0 {
                t!("contacts-never-used")
            } else {
                t!(
                    "contacts-used",
                    count = c.uses,
                    time = local_time(c.last_used)
                )
            }));
            let first = if c.name.trim().is_empty() {
                c.address.clone()
            } else {
                c.name.clone()
            };
            list_row(
                RowKeys {
                    index,
                    open: Some(msg(Message::Edit(c.address.clone()))),
                    delete: Some(msg(Message::Remove(c.address.clone()))),
                },
                first,
                second,
                // Quiet, as the other lists' row actions: three coloured
                // buttons on every row glared (tryout 20); Remove asks.
                vec![
                    button(text(t!("contacts-write")))
                        .style(crate::ui::style::secondary)
                        .on_press(msg(Message::Write(c.mailbox())))
                        .into(),
                    button(text(t!("contacts-edit")))
                        .style(crate::ui::style::secondary)
                        .on_press(msg(Message::Edit(c.address.clone())))
                        .into(),
                    button(text(t!("contacts-remove")))
                        .style(crate::ui::style::secondary)
                        .on_press(msg(Message::Remove(c.address.clone())))
                        .into(),
                ],
            )
        })
        .collect();
    let new = button(text(t!("contacts-new")))
        .style(iced::widget::button::primary)
        .on_press(msg(Message::New));
    let list = page(
        t!("main-tab-contacts"),
        Some(new.into()),
        rows,
        t!("contacts-empty"),
        &[],
    );
    match &state.contact_form {
        Some(f) => column![form(f), list].spacing(style::space::M).into(),
        None => list,
    }
}

/// The form: name, address, why it could not be saved, Save and Cancel.
fn form(f: &ContactForm) -> Element<'_, Main> {
    let msg = |m: Message| Main::Contact(m);
    let label = |s: String| text(s).width(Length::Fixed(120.0));
    let mut c = column![
        text(if f.original.is_some() {
            t!("contacts-edit-title")
        } else {
            t!("contacts-new-title")
        })
        .size(style::size::EMPHASIS),
        row![
            label(t!("contacts-name")),
            text_input(&t!("contacts-name-placeholder"), &f.name)
                .style(crate::ui::style::field)
                .id(NAME_ID)
                .on_input(|v| Main::Contact(Message::Name(v)))
                .on_submit(msg(Message::Save))
        ]
        .spacing(style::space::S)
        .align_y(iced::Alignment::Center),
        row![
            label(t!("contacts-address")),
            text_input(&t!("contacts-address-placeholder"), &f.address)
                .style(crate::ui::style::field)
                .id(ADDRESS_ID)
                .on_input(|v| Main::Contact(Message::Address(v)))
                .on_submit(msg(Message::Save))
        ]
        .spacing(style::space::S)
        .align_y(iced::Alignment::Center),
    ]
    .spacing(style::space::S);
    if let Some(e) = &f.error {
        c = c.push(text(e.clone()).style(text::danger));
    }
    c = c.push(
        row![
            button(text(t!("form-save")))
                .style(iced::widget::button::primary)
                .on_press(msg(Message::Save)),
            button(text(t!("main-cancel")))
                .style(style::secondary)
                .on_press(msg(Message::Cancel)),
        ]
        .spacing(style::space::S),
    );
    container(c)
        .padding(style::space::M)
        .style(container::rounded_box)
        .width(Length::Fill)
        .into()
}
