//! The compose window's drawing: the header bar, the fields, the body
//! with its attachment strip, and the questions asked in the window.

use iced::widget::{column, container, row, text, text_editor, text_input};
use iced::{Element, Length, window};

use super::{
    ATTACHMENT_ROW, ATTACHMENT_STRIP, BODY_MIN_HEIGHT, CONCERNS_CANCEL, FromChoice, Message,
    SEND_ANYWAY, SUGGESTIONS_SHOWN, Sending, State, editor_binding, field_id,
};
use crate::account::Account;
use crate::draft::{Field, Problem, ProblemKind};
use crate::report::{Localize, address_error, human_size, human_sizes};
use crate::t;
use crate::ui::widget::{button, pick_list};

/// The body editor and, under it, the attachments: their total and a strip
/// of fixed height that scrolls, however many files there are (D4), as
/// tall as `height` (logical pixels) allows while the body keeps
/// [`BODY_MIN_HEIGHT`].
fn body_and_attachments<'a>(
    state: &'a State,
    window: window::Id,
    height: f32,
    size_limit: Option<u64>,
) -> Element<'a, Message> {
    let editor = text_editor(&state.body)
        .style(crate::ui::style::editor)
        .id(field_id(window, "body"))
        .key_binding(editor_binding)
        .placeholder(t!("compose-body-placeholder"))
        // A word longer than the line (a pasted link) is broken, never
        // drawn past the box (tryout 13).
        .wrapping(iced::widget::text::Wrapping::WordOrGlyph)
        .on_action(Message::Body)
        .height(Length::Fill)
        .padding(8)
        .highlight_with::<crate::ui::widget::spell_marks::SpellMarks>(
            state.checker().cloned(),
            crate::ui::widget::spell_marks::format,
        );
    let count = state.draft.attachments.len();
    // The attachment removed last can be put back (a tryout removed one
    // with a stray Space).
    let undo = state.removed_attachment().map(|name| {
        row![
            text(t!("compose-removed", name = name))
                .size(13)
                .width(Length::Fill),
            button(text(t!("compose-undo-remove")).size(13))
                .style(crate::ui::style::secondary)
                .padding([0, 6])
                .on_press(Message::UndoRemove),
        ]
        .spacing(6)
        .align_y(iced::Alignment::Center)
    });
    if count == 0 {
        return column![editor].push(undo).spacing(6).into();
    }
    let mut total: u64 = 0;
    let mut files = column![].spacing(2);
    for (i, path) in state.draft.attachments.iter().enumerate() {
        let size = state.sizes.get(path).copied().unwrap_or(0);
        total += size;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files = files.push(
            row![
                container(
                    text(format!("{name} ({})", human_size(size)))
                        .size(13)
                        .wrapping(iced::widget::text::Wrapping::None)
                )
                .clip(true)
                .width(Length::Fill),
                // Outlined, so it reads as a button (tryout 20 took the bare
                // word for a label).
                button(text(t!("compose-remove")).size(13))
                    .style(crate::ui::style::secondary)
                    .padding([0, 8])
                    .on_press(Message::RemoveAttachment(i)),
            ]
            .height(Length::Fixed(ATTACHMENT_ROW))
            .align_y(iced::Alignment::Center),
        );
    }
    // The server's SIZE, as last seen: a message that cannot go is said
    // so now, not after it was queued (D9).
    let estimate = encoded_size(total, state.draft.body.len() as u64);
    let too_big = size_limit.filter(|limit| estimate > *limit).map(|limit| {
        let (size, limit) = human_sizes(estimate, limit);
        text(t!("compose-too-big", size = size, limit = limit))
            .size(13)
            .style(text::danger)
    });
    let wanted = (count as f32 * ATTACHMENT_ROW).min(ATTACHMENT_STRIP);
    let room = height - BODY_MIN_HEIGHT - ATTACHMENT_ROW - 12.0;
    let strip = wanted.min(room.max(ATTACHMENT_ROW));
    column![
        editor,
        text(t!(
            "compose-attachments-total",
            count = count,
            size = human_size(total)
        ))
        .size(13),
        // Room at the right for the scroll bar, so it covers no button.
        iced::widget::scrollable(files.padding(iced::Padding {
            right: 16.0,
            ..iced::Padding::ZERO
        }))
        .height(Length::Fixed(strip))
        .width(Length::Fill),
    ]
    .push(too_big)
    .push(undo)
    .spacing(6)
    .into()
}

/// About how big a message is once sent, in bytes: attachments of
/// `attachments` bytes in base64 (4 bytes for 3, in lines of 76 and a
/// CRLF; RFC 2045 §6.8), a text of `text` bytes, and room for headers.
pub fn encoded_size(attachments: u64, text: u64) -> u64 {
    let base64 = attachments.div_ceil(3) * 4;
    base64 + base64.div_ceil(76) * 2 + text + 2048
}

/// The recipient problems of `field`, under it. The address still being
/// typed (the last entry of the field typed in last) is not judged yet:
/// a tryout read "the address has no @" after its first letter.
fn field_errors<'a, M: 'a>(
    problems: &[Problem],
    field: Field,
    typing: Option<(Field, &str)>,
) -> Option<Element<'a, M>> {
    // The last entry: nothing but spaces after it.
    let still_typing = |span: &std::ops::Range<usize>| {
        typing.is_some_and(|(f, text)| {
            f == field
                && text
                    .get(span.end..)
                    .is_some_and(|rest| rest.trim().is_empty())
        })
    };
    let lines: Vec<Element<'a, M>> = problems
        .iter()
        .filter(|p| p.field == field)
        .filter_map(|p| match &p.kind {
            ProblemKind::InvalidRecipient {
                text: typed,
                error,
                span,
            } if !still_typing(span) => Some(
                text(address_error(typed, error))
                    .size(13)
                    .style(text::danger)
                    .into(),
            ),
            _ => None,
        })
        .collect();
    (!lines.is_empty()).then(|| column(lines).into())
}

/// A recipient field's line with what goes under it: its address
/// problems, and the `chips` (address suggestions) when it is the field
/// typed in (`here`). One group, the line first and what comes and goes
/// after it: the fields after the group keep their place in the widget
/// tree, so the one Tab just focused keeps its focus when the chips go
/// (tryout 12's next keys went back into To).
fn recipient_group<'a>(
    line: iced::widget::Row<'a, Message>,
    errors: Option<Element<'a, Message>>,
    chips: &mut Option<iced::widget::Row<'a, Message>>,
    here: bool,
) -> iced::widget::Column<'a, Message> {
    column![line]
        .push(errors)
        .push(if here { chips.take() } else { None })
        .spacing(6)
}

/// Draws the window. `accounts` are the choices for From (marked as
/// unable to send when they use no encryption and `never_plaintext` is
/// on); `suggestions` addresses used before that match what is being typed in To.
pub fn view<'a>(
    state: &'a State,
    window: window::Id,
    accounts: &'a [Account],
    never_plaintext: bool,
    suggestions: Vec<String>,
    size_limit: Option<u64>,
) -> Element<'a, Message> {
    // Every account's own sender, then its identities.
    let choices: Vec<FromChoice> = accounts
        .iter()
        .flat_map(|a| {
            a.senders().into_iter().map(move |s| FromChoice {
                id: a.id.clone(),
                identity: s.identity.map(str::to_string),
                label: super::sender_label(a, s, never_plaintext),
            })
        })
        .collect();
    let selected = choices
        .iter()
        .find(|c| Some(&c.id) == state.draft.account.as_ref() && c.identity == state.draft.identity)
        .or_else(|| {
            choices
                .iter()
                .find(|c| Some(&c.id) == state.draft.account.as_ref() && c.identity.is_none())
        })
        .cloned();
    let account = accounts
        .iter()
        .find(|a| Some(&a.id) == state.draft.account.as_ref());
    let problems = state.problems(account);

    let label = |s: String| text(s).width(Length::Fixed(90.0));
    let input =
        |field: &'static str, placeholder: String, value: &'a str, on: fn(String) -> Message| {
            text_input(&placeholder, value)
                .style(crate::ui::style::field)
                .id(field_id(window, field))
                .on_input(on)
                // Enter moves on, as in every mail program; only Ctrl+Enter
                // sends (an Enter in the subject sent the message).
                .on_submit(Message::Submitted(field))
                .padding(6)
        };

    // No account yet (a mailto: link before the first setup): say what to
    // do first, with the button for it (D27).
    let from: Element<'a, Message> = if accounts.is_empty() {
        row![
            text(t!("compose-no-account")).width(Length::Fill),
            button(text(t!("main-add-account")))
                .style(button::primary)
                .on_press(Message::AddAccount),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center)
        .into()
    } else {
        pick_list(choices, selected, Message::From)
            .placeholder(t!("compose-from-placeholder"))
            .width(Length::Fill)
            .into()
    };
    // Cc and Bcc stay folded until asked for (or filled); their buttons
    // sit on the From line, as in Thunderbird, so Tab goes from To
    // straight to Subject.
    let mut from_line = row![label(t!("compose-from")), from]
        .spacing(8)
        .align_y(iced::Alignment::Center);
    if !state.show_cc {
        from_line = from_line.push(
            button(text(t!("compose-cc-short")))
                .style(crate::ui::style::secondary)
                .on_press(Message::ShowCc),
        );
    }
    if !state.show_bcc {
        from_line = from_line.push(
            button(text(t!("compose-bcc-short")))
                .style(crate::ui::style::secondary)
                .on_press(Message::ShowBcc),
        );
    }
    let mut content = column![from_line].spacing(6);
    let to_line = row![
        label(t!("compose-to")),
        input(
            "to",
            t!("compose-to-placeholder"),
            &state.draft.to,
            Message::To
        )
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center);
    // The suggestions go under the field typed in (To, Cc or Bcc).
    let typed_in = state.recipient_field().map(|(f, _)| f);
    let mut chips = (!suggestions.is_empty()).then(|| {
        // The one marked with Up and Down stands out; Enter or Tab
        // inserts it.
        let chips: Vec<Element<'a, Message>> = suggestions
            .into_iter()
            .take(SUGGESTIONS_SHOWN)
            .enumerate()
            .map(|(i, s)| {
                // Not in the Tab order: Tab from the field goes on to the
                // next field even when the chips are still drawn (tryout
                // 12's Tab landed on a chip that then went, and the keys
                // after it were lost); Up, Down and Enter choose them.
                iced::widget::button(text(s.clone()).size(13))
                    .style(if state.highlight == Some(i) {
                        button::primary
                    } else {
                        crate::ui::style::secondary
                    })
                    .on_press(Message::Suggest(s))
                    .into()
            })
            .collect();
        // Under the field, not under its label.
        row(chips).spacing(4).padding(iced::Padding {
            left: 98.0,
            ..iced::Padding::ZERO
        })
    });
    let mut recipients = |line, field| {
        let errors = field_errors(&problems, field, state.typing_in());
        recipient_group(line, errors, &mut chips, typed_in == Some(field))
    };
    content = content.push(recipients(to_line, Field::To));
    if state.show_cc {
        let line = row![
            label(t!("compose-cc")),
            input("cc", String::new(), &state.draft.cc, Message::Cc)
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        content = content.push(recipients(line, Field::Cc));
    }
    if state.show_bcc {
        let line = row![
            label(t!("compose-bcc")),
            input("bcc", String::new(), &state.draft.bcc, Message::Bcc)
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        content = content.push(recipients(line, Field::Bcc));
    }
    // What comes and goes (the subject's misspellings, the options, the
    // spelling popup and note, a notice) goes at the end of a group of its
    // own: the fields after it keep their place in the widget tree, and
    // so their focus (tryout 12's Tab into the text was lost when the
    // subject's last word became right and its line went).
    let subject = column![
        row![
            label(t!("compose-subject")),
            input(
                "subject",
                String::new(),
                &state.draft.subject,
                Message::Subject
            )
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center),
    ]
    .push(super::spell::subject_marks(state))
    .push(super::options::options_row(state))
    .spacing(6);
    // The body and the attachment strip share what the window has left:
    // the strip shrinks before the body goes below its least height.
    let body = column![iced::widget::responsive(move |size| {
        body_and_attachments(state, window, size.height, size_limit)
    })]
    .push(super::spell::popup(state, window))
    .push(super::spell::note(state))
    .spacing(6);
    content = content.push(subject).push(body);
    let mut attach = column![
        row![
            // Cleared at Enter even for keys typed before the next frame.
            crate::ui::widget::submit_clears::submit_clears(
                &t!("compose-attach-path-placeholder"),
                &state.attach_path,
                field_id(window, "attach"),
                Message::AttachPath,
                Message::AttachTyped,
            ),
            button(text(t!("compose-attach-path")))
                .style(crate::ui::style::secondary)
                .on_press(Message::AttachTyped),
            super::spell::language_picker(state),
        ]
        .spacing(6),
    ]
    .spacing(6);
    if let Some(n) = &state.notice {
        attach = attach.push(text(n.text()).style(text::danger));
    }
    content = content.push(attach);

    let blocking: Vec<String> = problems
        .iter()
        .filter(|p| !matches!(p.kind, ProblemKind::InvalidRecipient { .. }))
        .map(|p| p.localize())
        .collect();
    let can_send = problems.is_empty() && !state.sending_now();
    // The state of the message, on a line of its own under the header
    // bar: a long reason squeezed beside the buttons made a tall column,
    // and "Sending… 100%" ran into "Stop sending" (a ninth tryout).
    let status: Option<Element<'a, Message>> = match &state.sending {
        // Opened from the Outbox: when it goes, and what a change does.
        Sending::Idle if state.is_scheduled() => Some(
            text(t!(
                "compose-scheduled",
                time = crate::report::outbox::local_time(state.scheduled_at().unwrap_or_default())
            ))
            .size(13)
            .into(),
        ),
        Sending::Idle if state.said_saved => Some(text(t!("compose-saved")).size(13).into()),
        Sending::Idle if !blocking.is_empty() => Some(text(blocking.join(" ")).size(13).into()),
        Sending::Idle => None,
        Sending::InProgress(done, all) => {
            let pct = if *all > 0 {
                (*done as f64 / *all as f64 * 100.0).min(100.0)
            } else {
                0.0
            };
            Some(text(t!("compose-sending", percent = format!("{pct:.0}"))).into())
        }
        Sending::Failed(_) => Some(
            text(state.failure_text().unwrap_or_default())
                .style(text::danger)
                .into(),
        ),
        Sending::Sent => Some(text(t!("compose-sent")).into()),
        Sending::Queueing => Some(text(t!("compose-queueing")).into()),
        Sending::Held(until) => Some(match until.saturating_sub(crate::outbox::now()) {
            0 => text(t!("compose-held-now")).into(),
            seconds => text(t!("compose-held", seconds = seconds)).into(),
        }),
    };
    // The header bar: the actions first, as in every mail program.
    use crate::ui::icon::{Icon, with_label};
    let send = if matches!(state.sending, Sending::Held(_)) {
        button(with_label(Icon::Undo, t!("compose-undo")))
            .style(button::primary)
            .on_press(Message::Undo)
    } else {
        button(with_label(Icon::Send, t!("compose-send")))
            .style(button::primary)
            .on_press_maybe(can_send.then_some(Message::Send))
    };
    // While it goes out, it can be stopped (D17).
    let cancel = matches!(state.sending, Sending::InProgress(..)).then(|| {
        button(with_label(Icon::Close, t!("compose-cancel-send")))
            .style(button::danger)
            .on_press(Message::CancelSend)
    });
    let bar = container(
        row![
            send.padding([crate::ui::style::space::S, crate::ui::style::space::L]),
            button(text(t!("compose-send-later")))
                .style(crate::ui::style::secondary)
                .on_press_maybe(can_send.then_some(Message::SendLater)),
            button(with_label(Icon::Attach, t!("compose-attach-dialog")))
                .style(crate::ui::style::secondary)
                .on_press(Message::AttachDialog),
            button(with_label(Icon::Save, t!("compose-save")))
                .style(crate::ui::style::secondary)
                .on_press(Message::Save),
            button(text(t!("compose-options")))
                .style(if state.options_open() {
                    button::primary
                } else {
                    crate::ui::style::secondary
                })
                .on_press(Message::Options),
            iced::widget::space::horizontal(),
        ]
        .push(cancel)
        .spacing(crate::ui::style::space::S)
        .align_y(iced::Alignment::Center),
    )
    .padding([crate::ui::style::space::S, crate::ui::style::space::M])
    .width(Length::Fill)
    .style(crate::ui::style::bar);
    let bar = column![bar].push(status.map(|s| {
        container(s)
            .padding([crate::ui::style::space::XS, crate::ui::style::space::M])
            .width(Length::Fill)
    }));
    if let Some(later) = &state.later {
        content = content.push(later_picker(later, window));
    }
    if !state.asking_concerns.is_empty() {
        let question = state
            .asking_concerns
            .iter()
            .map(|c| match c {
                crate::draft::Concern::NoSubject => t!("compose-concern-no-subject"),
                crate::draft::Concern::AttachmentMentioned => t!("compose-concern-attachment"),
                crate::draft::Concern::PathNotAttached => t!("compose-concern-path"),
                crate::draft::Concern::DomainTypo { address, meant } => t!(
                    "compose-concern-domain",
                    address = address.as_str(),
                    meant = meant.as_str()
                ),
                crate::draft::Concern::TooBig { size, limit } => {
                    let (size, limit) = human_sizes(*size, *limit);
                    t!("compose-concern-too-big", size = size, limit = limit)
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        content = content.push(
            container(
                row![
                    text(question).width(Length::Fill),
                    button(text(t!("compose-send-anyway")))
                        .style(button::primary)
                        .id(field_id(window, SEND_ANYWAY))
                        .on_press(Message::SendAnyway),
                    button(text(t!("compose-close-cancel")))
                        .style(crate::ui::style::secondary)
                        .id(field_id(window, CONCERNS_CANCEL))
                        .on_press(Message::ConcernsCancel),
                ]
                .spacing(6)
                .align_y(iced::Alignment::Center),
            )
            .padding(8)
            .style(crate::ui::style::question),
        );
    }
    if state.asking_resend {
        content = content.push(
            container(
                row![
                    text(t!(
                        "outbox-retry-unsure-question",
                        subject = crate::ui::main_window::subject_or_none(&state.draft.subject)
                    ))
                    .width(Length::Fill),
                    button(text(t!("compose-resend-yes")))
                        .style(button::danger)
                        .on_press(Message::ResendYes),
                    button(text(t!("compose-close-cancel")))
                        .id(field_id(window, super::RESEND_NO))
                        .style(crate::ui::style::secondary)
                        .on_press(Message::ResendNo),
                ]
                .spacing(6)
                .align_y(iced::Alignment::Center),
            )
            .padding(8)
            .style(container::rounded_box),
        );
    }

    if state.asking_close {
        content = content.push(
            container(
                row![
                    text(t!("compose-close-question")).width(Length::Fill),
                    button(text(t!("compose-close-keep")))
                        .id(field_id(window, super::CLOSE_KEEP))
                        .on_press(Message::CloseKeep),
                    button(text(t!("compose-close-discard")))
                        .style(button::danger)
                        .on_press(Message::CloseDiscard),
                    button(text(t!("compose-close-cancel")))
                        .style(crate::ui::style::secondary)
                        .on_press(Message::CloseCancel),
                ]
                .spacing(6)
                .align_y(iced::Alignment::Center),
            )
            .padding(8)
            .style(container::rounded_box),
        );
    }
    column![bar, container(content.padding(12)).height(Length::Fill)].into()
}

/// Send later's picker: the time (local, `YYYY-MM-DD HH:MM`), the times
/// offered, Schedule and Cancel; why a time was refused under it.
fn later_picker<'a>(later: &'a super::LaterForm, window: window::Id) -> Element<'a, Message> {
    let [tomorrow, monday] = crate::outbox::later::offered_times(crate::outbox::now());
    let mut c = column![
        row![
            text(t!("compose-later-at")),
            text_input("2026-12-24 09:00", &later.text)
                .style(crate::ui::style::field)
                .id(field_id(window, super::LATER_ID))
                .on_input(Message::LaterText)
                .on_submit(Message::LaterConfirm)
                .width(Length::Fixed(180.0)),
            button(text(t!("compose-later-schedule")))
                .style(button::primary)
                .on_press(Message::LaterConfirm),
            button(text(t!("compose-close-cancel")))
                .style(crate::ui::style::secondary)
                .on_press(Message::LaterCancel),
        ]
        .spacing(6)
        .align_y(iced::Alignment::Center),
        // The times offered on a line of their own: beside the others
        // they were cut at the window's default width (a ninth tryout).
        row![
            button(text(t!("compose-later-tomorrow")))
                .style(crate::ui::style::secondary)
                .on_press(Message::LaterAt(tomorrow)),
            button(text(t!("compose-later-monday")))
                .style(crate::ui::style::secondary)
                .on_press(Message::LaterAt(monday)),
        ]
        .spacing(6)
    ]
    .spacing(4);
    if let Some(e) = &later.error {
        c = c.push(text(e.clone()).size(13).style(text::danger));
    }
    container(c)
        .padding(8)
        .width(Length::Fill)
        .style(container::rounded_box)
        .into()
}
