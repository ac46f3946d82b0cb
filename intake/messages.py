"""Every sentence a reporter or an operator reads, in one place.

Written for an officer on a phone: short, plain, no jargon, and never asking for anything that identifies them.
"""

SERVICE_NAME = "Share a close call"

# Page titles and introductions.
FORM_TITLE = "Share a close call"
FORM_INTRO = (
    "Tell other officers about a time when only luck, a partner or a split-second decision kept someone from "
    "getting hurt. It is anonymous: no name, no account, no email. It takes a few minutes."
)
FORM_PRIVACY = (
    "Please leave out names, agencies, streets, towns, badge or car numbers, exact dates and times. "
    "The next page shows anything that still looks identifying, before anything is sent."
)
REVIEW_TITLE = "Check your report before you send it"
REVIEW_INTRO = (
    "Details that could identify someone were replaced with markers such as [REDACTED-PERSON]. "
    "Highlighted words might also identify someone: for each one, choose to remove it or keep it. "
    "Removing it removes every mention of the same words."
)
REVIEW_NO_FLAGS = "Nothing else looks identifying. Read it once more, then send it."
REVIEW_AUTO_COUNT = "{count} detail(s) were removed automatically."
DONE_TITLE = "Thank you. Your report was received."
DONE_INTRO = (
    "Reviewers will read it, remove anything that could still identify anyone, and publish it. "
    "This usually takes a few weeks."
)
DONE_RECEIPT = (
    "This is your receipt code. Write it down or take a screenshot now: it is shown only once, we do not keep "
    "it, and it is the only link between you and your report."
)
DONE_TRACK = "Use it on the “Track my report” page of the case library to see when your report is published."
DONE_AGAIN = "This report had already been received; the receipt code is the same as before."

# Buttons.
BUTTON_REVIEW = "Continue to review"
BUTTON_SEND = "Send report"
BUTTON_EDIT = "Go back and edit"
CHOICE_REMOVE = "Remove"
CHOICE_KEEP = "Keep"

# Field labels and help, by form field name.
LABELS = {
    "event_type": "What were you doing when it happened?",
    "contributing_factors": "What made it dangerous?",
    "loss_potential": "What could have happened?",
    "what_prevented_harm": "What stopped it from happening?",
    "event_month": "When did it happen?",
    "month": "Month",
    "year": "Year",
    "time_block": "Time of day",
    "region": "Where? (state or larger region)",
    "setting": "What kind of place?",
    "agency_size": "How big is your agency?",
    "officers_on_scene": "How many officers were there?",
    "reporter_role": "Your part in it",
    "title": "A short headline",
    "what_happened": "What happened",
    "lessons_learned": "Lessons learned",
}
HELP = {
    "event_type": "Pick the one that fits best.",
    "contributing_factors": "Pick all that apply.",
    "loss_potential": "The worst thing that could realistically have happened.",
    "what_prevented_harm": "Pick all that apply.",
    "event_month": "Only the month and year. Never the day.",
    "time_block": "A six-hour block is enough.",
    "region": "A state is fine; choose a larger region or “Unspecified” if the state would identify you.",
    "setting": "The kind of place, not the place itself.",
    "agency_size": "Sworn officers, roughly.",
    "officers_on_scene": "When it happened, counting you.",
    "reporter_role": "Were you involved, or did you see it?",
    "title": "One line, for example “Passenger reached under the seat on a night stop”. At most 120 characters.",
    "what_happened": (
        "In your own words, step by step. Leave out names, agencies, streets, towns, numbers and exact dates."
    ),
    "lessons_learned": "What would you tell another officer? What would you do differently?",
}
HONEYPOT_LABEL = "Leave this field empty"
CHOOSE_ONE = "Choose one"
REGION_GROUPS = ("States", "Larger regions", "Prefer not to say")
REVIEW_ANSWERS = "Your answers"
SKIP_LINK = "Skip to content"
BACK_TO_FORM = "Back to the form"
FOOTER = "Anonymous: no account, no cookies, no tracking, and your address is not stored."
CHARACTERS_LEFT = "{count} characters at most"

# Validation errors (shown next to the field and in the summary at the top).
ERROR_SUMMARY = "Please fix the following:"
ERROR_REQUIRED_CHOICE = "Please choose one."
ERROR_REQUIRED_CHOICES = "Please choose at least one."
ERROR_UNKNOWN_CHOICE = "Please choose from the list."
ERROR_REQUIRED_TEXT = "Please write something here."
ERROR_TOO_LONG = "Please shorten this to at most {limit} characters (it has {length})."
ERROR_MONTH = "Please choose the month and the year."
ERROR_FUTURE_MONTH = "This month has not happened yet."
ERROR_HONEYPOT = "Please leave the last field empty, then send the form again."
ERROR_UNSAFE_TEXT = "This text has characters we cannot accept; please retype it without special symbols."

# Error pages: (title, explanation). The explanation never echoes what was sent.
ERROR_PAGES = {
    400: ("Something in the form was not right", "Please go back, reload the form and try again."),
    403: ("The form has expired", "For your safety the form is valid for a few hours. Please go back, reload "
                                  "the page and send it again; what you typed may still be there."),
    404: ("Page not found", "The form is on the front page of this site."),
    405: ("Not allowed", "Please use the form on the front page."),
    413: ("Your report is too long", "Please go back and shorten it."),
    415: ("Something in the form was not right", "Please use the form on the front page."),
    429: ("Please wait a moment", "Too many reports were sent from your network. Please wait a few minutes and "
                                  "send it again: what you typed is still on this page."),
    500: ("Something went wrong on our side", "Your report was not saved. Please try again in a few minutes."),
}
ERROR_TOKEN_EXPIRED = ERROR_PAGES[403][1]
ERROR_CHANGED = "The report changed after you reviewed it. Please review it again before sending."
ERROR_RATE = ERROR_PAGES[429][1]

# Operator messages (console and logs). They never contain report text, secrets or client addresses.
EPHEMERAL_SECRET = (
    "NEARMISS_INTAKE_SECRET is not set: using a random secret for this process only (forms open before a "
    "restart will expire). Set it for any real deployment."
)
STARTED = "Intake form on http://{host}:{port}/ (forge: {forge}; spool: {spool})"
WORKER_OPENED = "Opened {where} for submission {submission}"
WORKER_RETRY = "Forge unavailable for submission {submission}: {reason}; retrying in {delay:.0f} s"
WORKER_FAILED = "Forge refused submission {submission}: {reason}; retrying in {delay:.0f} s (nothing is dropped)"
WORKER_CORRUPT = "Spool item {name} is unreadable and was moved to {where}; it needs an operator"
WORKER_LOCKED = "Another worker holds the spool lock; waiting"

# What each scanner finding type is, for the reporter deciding whether to keep it.
FINDING_TYPES = {
    "PERSON": "a name", "BADGE": "a badge or unit number", "AGENCY": "an agency", "ADDRESS": "an address",
    "PLACE": "a place", "PLATE": "a plate number", "VIN": "a vehicle number", "DL": "a licence number",
    "PHONE": "a phone number", "EMAIL": "an email address", "SSN": "an ID number", "URL": "a web address",
    "HANDLE": "a user name", "CASE": "a case number", "DATE": "a date", "TIME": "a time", "AGE": "an age",
}
FINDING_LEGEND = "“{text}” looks like {kind}."
FINDING_MARK = "possible identifier {number}"
