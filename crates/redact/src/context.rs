//! What the words just before a span say about it ("call me at", "order number", ...).

use crate::token::{Kw, Tk, Tok};

/// The nearest context word before a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumCtx {
    None,
    Phone,
    Card,
    Ssn,
    /// Order, tracking, account, version... numbers: not personal data we redact.
    Neg,
}

fn word_ctx(w: &str) -> Option<NumCtx> {
    Some(match w {
        "call" | "calling" | "called" | "phone" | "phones" | "cell" | "cellphone" | "mobile"
        | "telephone" | "tel" | "fax" | "landline" | "dial" | "reach" | "reached" | "text"
        | "txt" | "whatsapp" | "callback" | "contact" | "ring" | "digits" | "extension"
        | "number's" | "cellphone's" | "phone's" | "cell's" | "numbers" => NumCtx::Phone,
        "card" | "visa" | "mastercard" | "amex" | "discover" | "credit" | "debit" | "cc"
        | "jcb" | "maestro" | "diners" => NumCtx::Card,
        "social" | "ssn" | "ss" | "security" | "ssns" | "socials" => NumCtx::Ssn,
        "order" | "orders" | "tracking" | "invoice" | "account" | "acct" | "reference" | "ref"
        | "confirmation" | "ticket" | "case" | "serial" | "model" | "part" | "flight"
        | "booking" | "reservation" | "policy" | "claim" | "routing" | "member" | "membership"
        | "id" | "zip" | "zipcode" | "postal" | "postcode" | "sku" | "transaction" | "receipt"
        | "code" | "version" | "build" | "room" | "floor" | "suite" | "apt" | "apartment"
        | "unit" | "gate" | "page" | "isbn" | "patient" | "employee" | "student" | "license"
        | "licence" | "vin" | "item" | "product" | "shipment" | "package" | "parcel"
        | "loyalty" | "rewards" | "voucher" | "coupon" | "promo" | "pin" | "badge" | "step"
        | "chapter" | "release" | "batch" | "lot" | "container" | "awb" | "waybill" | "usps"
        | "ups" | "fedex" | "dhl" | "po" | "pnr" | "locator" | "record" | "bill" | "meter"
        | "contract" | "loan" | "mortgage" | "iban" | "swift" | "bic" | "sort" | "registration"
        | "sn" | "s/n" | "serials" | "asset" | "tag" | "ean" | "upc" | "issn" | "plate"
        | "imei" | "mac" | "port" | "ip" | "total" | "amount" | "balance" | "paid" | "pay"
        | "cost" | "costs" | "price" | "dollars" | "usd" | "eur" | "year" | "years" | "km"
        | "miles" | "rx" | "prescription" | "refill" | "script" => NumCtx::Neg,
        _ => return None,
    })
}

/// Looks back up to 8 words from token `first` (exclusive) for the nearest context word.
/// Stops at other detected values (`stops`), placeholders, newlines and sentence ends, so that redacting text never
/// brings a context word closer to a number that was not redacted.
pub(crate) fn num_ctx(
    text: &str,
    toks: &[Tok],
    first: usize,
    stops: &crate::detect::Stops,
) -> NumCtx {
    let mut words = 0;
    let mut k = first;
    let mut buf = [0u8; 24];
    if toks.get(first).is_some_and(|t| t.nl) {
        return NumCtx::None;
    }
    let floor = first.saturating_sub(16);
    // a reply may answer the question of the turn before ("the best number to
    // reach you?\ncaller: ..."): one "?" or line break is crossed when the
    // value comes within the first few words of the reply
    let mut crossed = false;
    // "the phone number on the account": a negative word after "on the" is where
    // the value is kept, not what it is; the word before it decides
    let mut held: Option<NumCtx> = None;
    while k > floor && words < 8 {
        k -= 1;
        let t = &toks[k];
        if stops.covers(t.start) {
            // another value (it will become a placeholder) ends the context
            return NumCtx::None;
        }
        match t.kind {
            // an earlier number (or its placeholder) owns the words before it
            Tk::Placeholder | Tk::Num => return NumCtx::None,
            Tk::Word
                if matches!(
                    t.kw,
                    Kw::Digit(_) | Kw::Oh | Kw::Teen(_) | Kw::Tens(_) | Kw::Double | Kw::Triple
                ) =>
            {
                return NumCtx::None
            }
            Tk::Punct(b'?') if !crossed && words <= 4 && toks.get(k + 1).is_some_and(|n| n.gap) => {
                crossed = true;
            }
            Tk::Punct(b'.' | b'!' | b'?' | b';') if toks.get(k + 1).is_some_and(|n| n.gap) => {
                return held.unwrap_or(NumCtx::None)
            }
            Tk::Word => {
                words += 1;
                if let Some(w) = crate::token::lower(&text[t.start..t.end], &mut buf) {
                    if w == "number" || w == "no" || w == "num" || w == "#" {
                        // "order number", "card number", "my number": the word before decides.
                        if k > 0 {
                            let p = &toks[k - 1];
                            let mut b2 = [0u8; 24];
                            if p.kind == Tk::Word {
                                if let Some(pw) =
                                    crate::token::lower(&text[p.start..p.end], &mut b2)
                                {
                                    if let Some(c) = word_ctx(pw) {
                                        if c != NumCtx::Phone {
                                            return held.unwrap_or(c);
                                        }
                                        return c;
                                    }
                                }
                            }
                        }
                        if w == "number" {
                            return held.unwrap_or(NumCtx::Phone);
                        }
                        continue;
                    }
                    // "caller ID", "area code": phone contexts despite "id"/"code"
                    if matches!(w, "id" | "code") && k > 0 {
                        let p = &toks[k - 1];
                        let mut b2 = [0u8; 24];
                        if p.kind == Tk::Word
                            && crate::token::lower(&text[p.start..p.end], &mut b2)
                                .is_some_and(|pw| matches!(pw, "caller" | "area" | "country"))
                        {
                            return NumCtx::Phone;
                        }
                    }
                    if let Some(c) = word_ctx(w) {
                        if c == NumCtx::Neg
                            && held.is_none()
                            && k >= 2
                            && matches!(
                                crate::token::lower(
                                    &text[toks[k - 2].start..toks[k - 2].end],
                                    &mut [0u8; 24]
                                ),
                                Some("on" | "for")
                            )
                            && toks[k - 1].kind == Tk::Word
                            && matches!(
                                crate::token::lower(
                                    &text[toks[k - 1].start..toks[k - 1].end],
                                    &mut [0u8; 24]
                                ),
                                Some("the" | "my" | "your" | "this")
                            )
                        {
                            held = Some(c);
                            continue;
                        }
                        if held.is_some() && c != NumCtx::Phone {
                            return held.unwrap_or(c);
                        }
                        return c;
                    }
                }
            }
            _ => {}
        }
        if t.nl {
            if !crossed && words <= 4 {
                crossed = true;
                continue;
            }
            break;
        }
    }
    held.unwrap_or(NumCtx::None)
}

/// A cue said after the value ("four one five ... that's my social", "... is my
/// cell"): up to six words from token `after` on, within the sentence, when no cue
/// came before it. Only words that name the kind of number count.
pub(crate) fn num_ctx_after(
    text: &str,
    toks: &[Tok],
    after: usize,
    stops: &crate::detect::Stops,
) -> NumCtx {
    let mut buf = [0u8; 24];
    let mut words = 0;
    let mut k = after;
    while k < toks.len() && words < 6 {
        let t = &toks[k];
        if t.nl || stops.covers(t.start) {
            break;
        }
        match t.kind {
            Tk::Placeholder | Tk::Num => break,
            Tk::Punct(b'.' | b'!' | b'?' | b';') => break,
            Tk::Word => {
                if matches!(
                    t.kw,
                    Kw::Digit(_) | Kw::Oh | Kw::Teen(_) | Kw::Tens(_) | Kw::Double | Kw::Triple
                ) {
                    break;
                }
                words += 1;
                if let Some(w) = crate::token::lower(&text[t.start..t.end], &mut buf) {
                    if let Some(c) = word_ctx(w) {
                        return c;
                    }
                }
            }
            _ => {}
        }
        k += 1;
    }
    NumCtx::None
}
