//! The loop of `treaty lsp`: checks and requests about a document run on threads of
//! their own, so the loop keeps reading messages while they run.
//!
//! - Frames are read on a reader thread and handed to the loop with everything else
//!   that happened (a check finished, a request answered) through one channel.
//! - A document has at most one check running and one text waiting: changes that
//!   arrive while it runs replace the waiting text, so however fast the client types,
//!   one check is queued at most. When a check finishes and a newer text is waiting,
//!   its result is dropped unpublished (newest wins) and the newer text is checked.
//! - A request about a document whose newest text is not yet checked waits for that
//!   check; a request about any other document is answered at once, on its own thread,
//!   from the document as last checked; so is `workspace/symbol`. A request cancelled
//!   while it waits or runs is answered -32800 at once and its late answer dropped;
//!   a running one is also told to stop ([`Cancel`]), and its long parts (the
//!   next-tier search, scenario runs, the files of the workspace) poll for that.
//!
//! [`Server::handle`] and [`Server::handle_batch`] do all of this on the caller's
//! thread instead, for tests that drive the server in process.

use std::collections::{HashMap, HashSet};
use std::io::{self, Read, Write};
use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{self, Sender};

use lsp_server::{Message, Request, RequestId, Response};
use serde_json::Value;

use super::{
    answer, document_feature, document_uri, error_reply, errors, features, framing, respond,
    CheckDone, Effort, Outgoing, Reply, Server, SourceFile, MAX_MESSAGE_BYTES,
};
use crate::cancel::Cancel;

/// What the loop waits for.
enum Event {
    Frame(framing::Frame),
    EndOfInput,
    ReadFailed(io::Error),
    Checked(Box<CheckDone>),
    /// A check that panicked (a bug): the document is left as last checked.
    CheckFailed {
        uri: String,
        ticket: usize,
    },
    /// A request answered on its own thread, and what answering it cost.
    Answered(Response, Effort),
}

/// The server's work on other threads.
pub(super) struct Background {
    events: Sender<Event>,
    /// The documents being checked: the text and version being checked, and which
    /// check it is.
    checking: HashMap<String, Checking>,
    /// Requests about documents whose newest text is not checked yet, in arrival order.
    waiting: Vec<Request>,
    /// Requests being answered on their own threads, each with the flag that asks its
    /// work to stop.
    running: HashMap<RequestId, Cancel>,
    /// Requests cancelled while they ran, whose threads have not yet stopped: the
    /// server ends only once they have, so nothing is left running behind it.
    stopping: HashSet<RequestId>,
    counts: Counts,
}

struct Checking {
    text: String,
    version: i64,
    ticket: usize,
    /// The publication of its `treaty.toml`'s problems: sent after the document's, as
    /// without threads.
    config_message: Option<Outgoing>,
}

/// What [`serve_concurrently`] did: tests count checks instead of timing them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Checks started.
    pub checks: usize,
    /// Checks whose result was dropped because a newer text had come meanwhile.
    pub superseded: usize,
    /// The most checks of one document ever queued behind its running check.
    pub most_queued: usize,
    /// Requests answered -32800 while they waited or ran.
    pub cancelled: usize,
    /// Combinations the next-tier searches of requests tried, cancelled or not: a
    /// cancelled search tries fewer than a whole one.
    pub next_tier_tries: usize,
    /// Files the `workspace/symbol` requests read, cancelled or not.
    pub workspace_files: usize,
    /// Requests cancelled while they ran whose threads then stopped (before the server
    /// ended).
    pub stopped: usize,
}

impl Background {
    /// Note `id` as running and give the flag its work polls.
    fn start(&mut self, id: RequestId) -> Cancel {
        let cancel = Cancel::new();
        self.running.insert(id, cancel.clone());
        cancel
    }

    /// Answer request `id` with `work` on a thread of its own.
    fn spawn(&self, id: RequestId, work: impl FnOnce() -> (Reply, Effort) + Send + 'static) {
        let events = self.events.clone();
        std::thread::spawn(move || {
            let (reply, effort) =
                std::panic::catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|_| {
                    let failed = Err((
                        errors::REQUEST_FAILED,
                        "the server failed to answer this request (a bug: please report it)"
                            .to_string(),
                    ));
                    (failed, Effort::default())
                });
            // The loop is gone only when the server has exited.
            let _ = events.send(Event::Answered(respond(id, reply), effort));
        });
    }

    /// The text of `uri` being checked, if a check of it is running.
    pub(super) fn checking(&self, uri: &str) -> Option<(&str, i64)> {
        self.checking
            .get(uri)
            .map(|checking| (checking.text.as_str(), checking.version))
    }
}

/// What `serve_concurrently` returns.
#[derive(Debug)]
pub struct Served {
    /// 0 after `shutdown` then `exit`, 1 otherwise.
    pub exit_code: i32,
    pub counts: Counts,
}

/// Serve LSP over `input` and `output` until `exit` or the end of input (after either,
/// the checks and requests already received are finished and written), with checks
/// and requests off the loop (see the module's documentation).
pub fn serve_concurrently(
    input: impl Read + Send + 'static,
    output: &mut impl Write,
) -> io::Result<Served> {
    let (events, inbox) = mpsc::channel();
    let reader = events.clone();
    // Not joined: after `exit` the client may keep its end open, and the process ends.
    std::thread::spawn(move || {
        let mut framer = framing::Framer::new(input, MAX_MESSAGE_BYTES as usize);
        loop {
            let event = match framer.next_frame() {
                Ok(Some(frame)) => Event::Frame(frame),
                Ok(None) => Event::EndOfInput,
                Err(error) => Event::ReadFailed(error),
            };
            let last = !matches!(event, Event::Frame(_));
            if reader.send(event).is_err() || last {
                return;
            }
        }
    });
    let mut server = Server::new();
    server.background = Some(Background {
        events,
        checking: HashMap::new(),
        waiting: Vec::new(),
        running: HashMap::new(),
        stopping: HashSet::new(),
        counts: Counts::default(),
    });
    // The end of the input, or `exit`: what was received is still checked, answered
    // and written (a client that opens, shuts down and exits at once gets its
    // diagnostics), and nothing read after it is handled.
    let mut ended = false;
    loop {
        if ended && server.is_idle() {
            return Ok(server.served(server.exit_code.unwrap_or(1)));
        }
        let Ok(first) = inbox.recv() else {
            return Ok(server.served(1));
        };
        // Everything that came meanwhile is handled together, so keystrokes that
        // arrived while the last check ran are checked once.
        let mut messages = Vec::new();
        let mut replies = Vec::new();
        for event in std::iter::once(first).chain(inbox.try_iter()) {
            match event {
                Event::Frame(_) if server.exit_code.is_some() => {}
                Event::Frame(framing::Frame::Message(message)) => messages.push(message),
                Event::Frame(framing::Frame::Invalid { code, message, id }) => {
                    replies.push(error_reply(id, code, &message))
                }
                Event::EndOfInput => ended = true,
                Event::ReadFailed(error) => return Err(error),
                Event::Checked(done) => replies.extend(server.background_check_done(*done)),
                Event::CheckFailed { uri, ticket } => {
                    replies.extend(server.background_check_failed(&uri, ticket))
                }
                Event::Answered(response, effort) => {
                    replies.extend(server.background_answered(response, effort))
                }
            }
        }
        replies.extend(server.handle_batch(messages));
        replies.extend(server.start_background_checks());
        replies.extend(server.start_waiting_requests());
        for reply in replies {
            reply.write(output)?;
        }
        output.flush()?;
        ended |= server.exit_code.is_some();
    }
}

impl Server {
    fn served(&self, exit_code: i32) -> Served {
        Served {
            exit_code,
            counts: self
                .background
                .as_ref()
                .map(|b| b.counts)
                .unwrap_or_default(),
        }
    }

    fn is_idle(&self) -> bool {
        self.pending_changes.is_empty()
            && self.background.as_ref().is_none_or(|b| {
                b.checking.is_empty()
                    && b.waiting.is_empty()
                    && b.running.is_empty()
                    && b.stopping.is_empty()
            })
    }

    /// Start a check of each document with a text waiting and no check running.
    pub(super) fn start_background_checks(&mut self) -> Vec<Outgoing> {
        let out = Vec::new();
        let Some(background) = self.background.as_mut() else {
            return out;
        };
        // A document's queue is one slot of `pending_changes`: a newer text replaces
        // the one waiting, so this is 0 or 1 however many changes came.
        let queued = usize::from(
            self.pending_changes
                .keys()
                .any(|uri| background.checking.contains_key(uri)),
        );
        background.counts.most_queued = background.counts.most_queued.max(queued);
        let mut ready: Vec<String> = self
            .pending_changes
            .keys()
            .filter(|uri| !background.checking.contains_key(*uri))
            .cloned()
            .collect();
        ready.sort();
        for uri in ready {
            let Some(pending) = self.pending_changes.remove(&uri) else {
                continue;
            };
            let source = SourceFile {
                path: uri.clone(),
                text: pending.text,
                lines: pending.lines,
            };
            let text = source.text.clone();
            let (job, config_message) = self.start_check(&uri, source, pending.version);
            let Some(background) = self.background.as_mut() else {
                return out;
            };
            background.counts.checks += 1;
            let checking = Checking {
                text,
                version: job.version,
                ticket: job.ticket,
                config_message,
            };
            background.checking.insert(uri.clone(), checking);
            let events = background.events.clone();
            let ticket = job.ticket;
            std::thread::spawn(move || {
                // A panic must not leave the document waiting for a check forever.
                let event = match std::panic::catch_unwind(AssertUnwindSafe(|| job.run())) {
                    Ok(done) => Event::Checked(Box::new(done)),
                    Err(_) => Event::CheckFailed { uri, ticket },
                };
                // The loop is gone only when the server has exited.
                let _ = events.send(event);
            });
        }
        out
    }

    /// A check finished: keep it and publish it, unless a newer text came meanwhile
    /// (then it is dropped and the newer text checked) or the document was closed.
    fn background_check_done(&mut self, done: CheckDone) -> Vec<Outgoing> {
        let Some(background) = self.background.as_mut() else {
            return Vec::new();
        };
        match background.checking.get(&done.uri) {
            Some(checking) if checking.ticket == done.ticket => {}
            // Closed while it ran (and perhaps opened again since).
            _ => return Vec::new(),
        }
        let Some(checking) = background.checking.remove(&done.uri) else {
            return Vec::new();
        };
        let config_message = checking.config_message;
        if self.pending_changes.contains_key(&done.uri) {
            background.counts.superseded += 1;
            // What it parsed is still of use to the next check.
            self.checkers.insert(done.uri, done.checker);
            return config_message.into_iter().collect();
        }
        let mut out = self.finish_check(done);
        out.extend(config_message);
        out
    }

    fn background_check_failed(&mut self, uri: &str, ticket: usize) -> Vec<Outgoing> {
        let Some(background) = self.background.as_mut() else {
            return Vec::new();
        };
        if background
            .checking
            .get(uri)
            .is_some_and(|c| c.ticket == ticket)
        {
            background.checking.remove(uri);
        }
        // What it had kept went with the panic; the next check starts afresh.
        self.checkers.remove(uri);
        super::log_message(&format!(
            "treaty: checking {uri} failed (a bug: please report it with the file)"
        ))
    }

    /// A request answered on its own thread: sent unless it was cancelled meanwhile.
    fn background_answered(&mut self, response: Response, effort: Effort) -> Vec<Outgoing> {
        let Some(background) = self.background.as_mut() else {
            return Vec::new();
        };
        background.counts.next_tier_tries += effort.next_tier_tries;
        background.counts.workspace_files += effort.workspace_files;
        if background.running.remove(&response.id).is_some() {
            vec![Outgoing::Message(Message::Response(response))]
        } else {
            if background.stopping.remove(&response.id) {
                background.counts.stopped += 1;
            }
            Vec::new()
        }
    }

    /// In the background, a request about one document is answered on its own thread,
    /// or waits for the check of the document's newest text; `Err` gives back a
    /// request to answer here.
    pub(super) fn answer_in_background(&mut self, request: Request) -> Result<(), Request> {
        // Semantic tokens are answered on the loop (they keep the last result sent),
        // but like the others they wait for the check of the newest text.
        let answered_here = request
            .method
            .starts_with("textDocument/semanticTokens/full");
        if self.background.is_none() || !self.initialized || self.shutdown_requested {
            return Err(request);
        }
        if request.method == "workspace/symbol" {
            self.workspace_symbols_in_background(request);
            return Ok(());
        }
        if document_feature(&request.method).is_none() && !answered_here {
            return Err(request);
        }
        let uri = document_uri(&request.params).map(str::to_string);
        if uri.as_deref().is_some_and(|uri| self.is_being_checked(uri)) {
            if let Some(background) = self.background.as_mut() {
                background.waiting.push(request);
            }
            return Ok(());
        }
        if answered_here {
            return Err(request);
        }
        // A request that cannot be answered is refused here, as without threads.
        let document = match uri.as_deref() {
            Some(uri) if !self.out_of_sync.contains(uri) => self.documents.get(uri).cloned(),
            _ => None,
        };
        let (Some(document), Some(feature), Some(background)) = (
            document,
            document_feature(&request.method),
            self.background.as_mut(),
        ) else {
            return Err(request);
        };
        let Request { id, params, .. } = request;
        let uri = uri.unwrap_or_default();
        let client = self.client.clone();
        let encoding = self.encoding;
        let cancel = background.start(id.clone());
        background.spawn(id, move || {
            answer(
                &uri, &document, &client, encoding, feature, &params, &cancel,
            )
        });
        Ok(())
    }

    /// `workspace/symbol` on its own thread: it reads every `.treaty` file of the
    /// folders, which takes long in a large workspace. It answers from the documents
    /// as last checked, as it would on the loop.
    fn workspace_symbols_in_background(&mut self, request: Request) {
        let Some(background) = self.background.as_mut() else {
            return;
        };
        let Request { id, params, .. } = request;
        // Cheap: a document is shared, not copied.
        let documents = self.documents.clone();
        let client = self.client.clone();
        let encoding = self.encoding;
        let cancel = background.start(id.clone());
        background.spawn(id, move || {
            features::workspace_symbols(&documents, &client, encoding, &params, &cancel)
        });
    }

    fn is_being_checked(&self, uri: &str) -> bool {
        self.pending_changes.contains_key(uri)
            || self
                .background
                .as_ref()
                .is_some_and(|b| b.checking.contains_key(uri))
    }

    /// The waiting requests whose document is now checked, started in arrival order.
    fn start_waiting_requests(&mut self) -> Vec<Outgoing> {
        let Some(background) = self.background.as_mut() else {
            return Vec::new();
        };
        let waiting = std::mem::take(&mut background.waiting);
        let mut out = Vec::new();
        for request in waiting {
            let busy = document_uri(&request.params).is_some_and(|uri| self.is_being_checked(uri));
            if busy {
                if let Some(background) = self.background.as_mut() {
                    background.waiting.push(request);
                }
                continue;
            }
            out.extend(self.handle_one(Message::Request(request)));
        }
        out
    }

    /// `$/cancelRequest` in the background: a request still waiting or running is
    /// answered -32800 now, and a late answer to it is dropped.
    pub(super) fn cancel_in_background(&mut self, params: &Value) -> Vec<Outgoing> {
        let Some(background) = self.background.as_mut() else {
            return Vec::new();
        };
        let Some(id) = params
            .get("id")
            .and_then(|id| serde_json::from_value::<RequestId>(id.clone()).ok())
        else {
            return Vec::new();
        };
        let waited = background.waiting.iter().position(|r| r.id == id);
        if let Some(at) = waited {
            background.waiting.remove(at);
        } else if let Some(cancel) = background.running.remove(&id) {
            // Its work stops at its next poll; its late answer is dropped.
            cancel.cancel();
            background.stopping.insert(id.clone());
        } else {
            // Answered already, or never seen: nothing to say (LSP 3.17).
            return Vec::new();
        }
        background.counts.cancelled += 1;
        vec![Outgoing::Message(Message::Response(Response::new_err(
            id,
            errors::REQUEST_CANCELLED,
            "cancelled by the client".to_string(),
        )))]
    }

    /// A request cancelled in the batch it came in, answered without running.
    pub(super) fn note_cancelled(&mut self) {
        if let Some(background) = self.background.as_mut() {
            background.counts.cancelled += 1;
        }
    }

    /// A document closed: its running check, if any, is not kept.
    pub(super) fn forget_background_work(&mut self, uri: &str) {
        if let Some(background) = self.background.as_mut() {
            background.checking.remove(uri);
        }
    }
}
