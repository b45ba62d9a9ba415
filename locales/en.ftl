## Not Your Fault — English.
## Grouped by screen. Plain words, short lines, never blame. Numbers and links come from flows/.

## Commands (descriptions shown in Telegram's menu)
command-start = Start or see where you were
command-evidence = Your evidence log: add, see, remove
command-report = Get your report (PDF) and complaint text
command-letters = Letters and forms: complaints to platforms, the 1930 money pack
command-summary = A short summary to share with a helpline
command-help = What this bot can do
command-helplines = Helplines and crisis numbers
command-language = Change language
command-privacy = What we keep and what we don't
command-restart = Start over from the beginning
command-exit = Quick exit: clear this chat and erase everything, your log too
command-forget = Erase everything kept for this chat
command-talk = Talk to a counsellor, here in this chat
command-end = End the conversation with the counsellor

## Shared buttons
btn-helplines = 🆘 Helplines
btn-menu = ☰ Menu
btn-back = ← Back
btn-skip = Skip →
btn-next = Next →
btn-continue = Continue →
btn-done = ✓ Done
btn-done-choosing = That's all →
btn-why = Why this matters
btn-back-to-step = ← Back to the step
btn-privacy = 🔒 Privacy
btn-language = 🌐 Language / भाषा
btn-restart = Start over
btn-start-again = Start again
btn-evidence-log = 📁 Evidence log
btn-letters = ✉️ Letters and forms
btn-talk = 💬 Talk to a counsellor
btn-talk-return = 💬 Back to your conversation
btn-end-talk = ⏹ End conversation
list-separator = {", "}

## Notices shown above a screen
notice-welcome-back = Welcome back. Here is where you were.
notice-lost-session = I couldn't pick up where we were, and that's okay. Let's pick up from here.
notice-stale-button = That button was from an earlier message. Let's pick up from here.
notice-not-understood = I can only follow the buttons here, and I don't keep what you type. To write something down for your evidence log, send /evidence. If you are in danger, tap 🆘 Helplines or send /helplines.
notice-unknown-command = I don't know that command. /help lists what I can do.
notice-unsupported = I can't use stickers, voice messages or locations, and I don't keep them. To record a screenshot, photo, video or document as evidence, send it or open /evidence. The buttons below will guide you.
notice-item-added = ✓ Added to your evidence log. It now has { $count } { $count ->
    [one] item
   *[other] items
}.
notice-added-as-link = That looked like a link, so I added it to your evidence log as a link. It now has { $count } { $count ->
    [one] item
   *[other] items
}.
notice-file-added =
    ✓ Fingerprint added to your evidence log:
    SHA-256 { $sha256 } ({ $size })
    The file itself was not kept: not saved, not stored, not forwarded. Keep your own copy safe.
notice-log-full = Your log is full: it holds up to { $max } { $max ->
    [one] item
   *[other] items
}. Remove one to add another, or get your report now; it holds everything.
notice-send-file = I'm waiting for a file: send a screenshot, photo, video or document, or a link. Or tap ← Back.
notice-choose-kind = Got it. What is it? Tap a kind below (a link, an account, a date, a money demand or a note) and I'll add what you wrote, so you don't have to type it again. Until then it is held encrypted in this chat's session.
notice-file-minor =
    I didn't open that file. I open pictures and videos only once you've told me everyone in your images was 18 or older: if anyone in one may have been under 18, it must not be shared with anyone, not even with me. That rule protects the person in it, and you did nothing wrong.
    Send me the link to where it is posted instead: the link alone is enough to report it.
notice-file-minor-link-kept =
    I didn't open that file. I open pictures and videos only once you've told me everyone in your images was 18 or older: if anyone in one may have been under 18, it must not be shared with anyone, not even with me. That rule protects the person in it, and you did nothing wrong.
    I kept the link you wrote with it. The link alone is enough to report it.
notice-file-too-big = That file is bigger than { $max } MB, the most Telegram lets me read, so I couldn't fingerprint it. It still counts: add a 📝 note describing it (what it shows, where and when you got it), and keep the file safe.
notice-file-unavailable = I couldn't read that file just now. Please send it again in a moment, or add a 📝 note describing it.
notice-link-invalid = That doesn't look like a web link. A link starts with https:// or www., for example https://instagram.com/p/… In most apps: Share → Copy link.
notice-link-too-long = That link is longer than { $max } { $max ->
    [one] character
   *[other] characters
}. Please send a shorter link to the same post or profile.
notice-handle-invalid = Please send just the username, profile name or number, on one line.
notice-handle-too-long = That's longer than { $max } { $max ->
    [one] character
   *[other] characters
}. Please send just the username, profile name or number.
notice-date-unreadable = I couldn't read a date at the start. Begin with the date, like 14/03/2026, 14 March 2026 or yesterday, then the time if you know it.
notice-date-impossible = That date doesn't exist on the calendar. Please check the day and month: day first, like 14/03/2026.
notice-date-future = That date is still to come. Please send when it happened: today or earlier.
notice-what-too-long = The words after it are longer than { $max } { $max ->
    [one] character
   *[other] characters
}. Please keep them short; a 📝 note can hold the whole story.
notice-money-unreadable = I couldn't find an amount, UPI ID, account number or wallet number there. For example: ₹5,000 to name@okaxis.
notice-utr-invalid = That UTR doesn't look right. For UPI and IMPS it is 12 digits (the app may call it UPI Ref No. or UTR); for NEFT and RTGS it starts with the bank's four letters. Check it on the payment screen and send it again, or send the rest without it.
notice-note-empty = That note was empty. Write a few words, or tap ← Back.
notice-note-too-long = That note is longer than { $max } { $max ->
    [one] character
   *[other] characters
}. Please split it into two notes.
notice-saving-paused = I can't reach or save your progress right now, but I'm still here. Helplines work as usual.
notice-report-unavailable = I can't reach your evidence log right now, so I can't make your report. Nothing is lost: please send /report again in a few minutes. Helplines work as usual.
notice-forget-failed = I couldn't erase everything just now. Please send /forget again in a minute.
notice-trouble = Something didn't work on my side, and it's not you. Send /start to carry on. If you need help now: /helplines
notice-slow-down = That's a lot of messages very quickly, so I'll pause for a few seconds. Nothing is lost. If you need help right now: Tele-MANAS 14416, emergency 112.
notice-talk-not-passed = Photos, files, voice messages and stickers are not passed on to the counsellor: they don't need to see them. If you want, tell them in words what happened.

## Welcome
welcome-title = You are not alone, and this is not your fault.
welcome-body =
    I can help you, step by step and at your pace:
    • keep proof of what happened, before anything disappears
    • get the content taken down
    • report it, if and when you want to
    • find people who can help and listen
welcome-privacy = 🔒 I don't keep your name or number. /exit clears this chat at once and erases everything I kept, your evidence log too. /forget erases everything after asking first.
welcome-begin = Let's begin
welcome-helping = 🤝 I'm helping someone
welcome-came-across = 👀 I came across someone's images

## Helping someone
helper-intro = Thank you for being there for them. People usually turn to a friend or family first, and a calm, kind answer helps more than anything.
helper-how =
    • Listen, and believe them. Don't blame them, even if they shared the image themselves. It is not their fault.
    • Let them decide what happens next, and help them do it.
    • Don't download, forward or screenshot the images yourself. If a child may be in them, keeping or sending them is a crime. Keep the links instead.
    • Report the post on the platform. The next screens walk you through proof, takedown and reporting on their behalf.
helper-share = You can also share this bot with them, so they can use it on their own. Nothing about them or you is kept.

## Came across someone's images
bystander-intro = Thank you for not looking away. The person in these images didn't choose this, and what you do next can help them.
bystander-how =
    • Don't download, forward or screenshot the images, not even to warn someone or as proof. If a child may be in them, keeping or sending them is a crime.
    • Report the post or the account on the platform where you saw it. The person who posted it isn't told who reported it.
    • If it was shared in a group, you can tell the person who shared it, privately, that it's not OK and may be illegal, and ask them to delete it.
bystander-tell = If you know the person in the images, tell them kindly and privately, without blame, and let them decide what to do. You can share this bot with them: nothing about them or you is kept.
bystander-report = 📱 How to report it on a platform →

## A child may be in the images
child-button = 🧒 A child may be in the images
child-intro = If anyone in the images may be under 18, report the link, never the image. These take such reports:
child-never-keep = Never save, screenshot or forward the images, not even to report them or to warn others. Give the link, the platform and the account name instead: that is enough to report.

## Safety
safety-question = First: are you safe right now?
safety-yes = Yes, I'm safe right now
safety-no = No, I'm not safe
safety-hurt = I'm thinking of hurting myself

## Crisis
crisis-intro = Thank you for telling me. You matter, and you deserve help right now. Please reach one of these now:
crisis-stay = If you can, be near someone you trust, or call them. You don't have to explain everything. When you feel ready, we can carry on.
crisis-resume = I'm safe now, continue
crisis-to-danger = Someone is hurting or threatening me

## Danger from someone
danger-intro = If someone is hurting you or threatening you right now, please call the emergency number now:
danger-go = If you can, go where other people are: a neighbour, a shop, a busy street. Keep your phone with you.
danger-stay = When you are safe, we can carry on. Nothing here will be lost.
danger-to-crisis = I'm thinking of hurting myself
danger-silent-in =
    If it isn't safe to talk, there are other ways to reach 112:
    • on a smartphone, press the power button 3 times
    • on a keypad phone, press and hold 5 or 9
    • in the free 112 India app, press SOS; its SHOUT feature also alerts volunteers nearby, for women and children

## What happened
incident-question = What happened? Choose what fits best. You can change it later.
incident-question-helper = What happened to the person you're helping? Choose what fits best. You can change it later.
age-question = Was anyone in these images under 18 when they were taken?
age-why = I ask because it changes which services can help, and how to keep proof safely. If a child may be in them, nobody should save or send the images, and there are special ways to report them. If you're not sure, that's fine: choose “Not sure”.
age-minor = Yes, and I'm under 18 now
age-adult = No, everyone was 18 or older
age-minor-helper = Yes, and they're under 18 now
age-was-minor = Yes, but I'm an adult now
age-was-minor-helper = Yes, but they're an adult now
age-unsure = Not sure
threat-question = Is anyone also asking you for money, or threatening to share or post them?
threat-yes = Yes, someone is
threat-no = No
woman-question = Some laws in India protect women specifically. Are you a woman? You can choose not to say.
woman-question-helper = Some laws in India protect women specifically. Is the person you're helping a woman? You can choose not to say.
woman-why = I ask only to list the laws that fit. Nothing else changes.
woman-yes = Yes
woman-no = No
woman-unsaid = I'd rather not say
platforms-question = Where is it happening, or where was it shared? Tap all that apply, then tap “That's all”.
platform-toggle = { $checked ->
    [yes] ✓ { $name }
   *[no] { $name }
}
country-question = Which country are you in? This is only to show the right helplines.

## Reassurance
reassure-minor = Because you are under 18, the law protects you even more strongly, and this is not your fault. Please don't save, screenshot or send the image to anyone, not even as proof; keep the link instead. An adult you trust can help with the next steps. If you tell a teacher or school counsellor, the law says they must tell the police: that rule is there to protect you. Childline 1098 can help too, free, day or night.
reassure-next = Next, let's keep proof of what happened, one small step at a time. You can skip any step.
reassure-danger = 🚨 Someone threatens to hurt me
reassure-helper = Thank you for helping. The next steps are written for them: you can go through them together, or share this bot so they can go through them on their own.
reassure-bystander = Thank you for not looking away. Reporting the post is the most useful thing you can do, and you don't have to do more. Never keep or pass on the images themselves.
reassure-child-images = Because someone in these images may have been under 18, please don't save, screenshot or send them to anyone, not even as proof. Keep the links instead: they are enough to report it. The law treats the person in them as the one harmed.

## Evidence
evidence-progress = Step { $current } of { $total }


## Takedown
takedown-progress = Getting it taken down — { $current } of { $total }
next-question = What would you like to do next? Both are your choice, in either order, and you can come back for the other.
next-takedown = 🧹 Get it taken down
next-reporting = 👮 Report it (police, cybercrime.gov.in)
takedown-police-first = If you may go to the police, keep your proof first (the evidence steps, or /evidence), and then ask platforms to remove it: once it is removed, it can be harder to show what was posted. You can report before or after takedown, as you choose.

## Reporting
reporting-intro = Reporting is your choice. You can do it now, later, or not at all, and before or after takedown. If you may go to the police, keep your proof before asking platforms to remove anything. Here is where you can report:
reporting-minor = Because you are under 18, it can really help to tell an adult you trust. An adult you tell, such as a teacher or school counsellor, must by law (POCSO section 19) tell the police, so they can't keep it just between you. That rule is there to protect you. You can also call Childline 1098, free, day or night; they can help you report it too. Never send the image itself to anyone; give the link.
reporting-child-images = Because someone in the images may have been under 18, report the link and never send the image itself. The child section of cybercrime.gov.in and Take It Down are made for this: tap 🧒 below.
reporting-take-with-you = Take with you: the links, usernames, screenshots (not of any under-18 image), dates and times, and any payment demands. You don't need to have everything.
reporting-how = How each one works →
reporting-progress = Where to report — { $current } of { $total }
reporting-none = I don't have a reporting route for your country yet. A local helpline (🆘 Helplines) can tell you where to go.
reporting-laws = ⚖️ Which laws apply
laws-intro = The law is on your side. In plain words, these usually apply:
laws-note = You don't need to name the right section. The police decide that. This is general information, not legal advice.

## Support
support-intro = You don't have to go through this alone. These people listen, without judging:
support-talk = If it helps, talk to one person you trust today. You decide how much to tell.

## Closing
closing-title = You did something hard today. That took courage.
closing-summary = Today you went through { $sections } { $sections ->
    [one] part
   *[other] parts
} and marked { $done } of { $total ->
    [one] { $total } evidence step
   *[other] { $total } evidence steps
} done.
closing-log = Your evidence log holds { $count } { $count ->
    [one] item
   *[other] items
}. /report turns it into a PDF and a complaint text; save it before the log is erased after a few days of silence.
closing-selfcare = Be gentle with yourself. Eat something, drink water, rest. Try not to re-read what you saved; it is safe where it is.
closing-comeback = Come back any time: send /start and I'll show you where you were. /menu is always here too.

## Helplines
helplines-report-heading = To report it:
helplines-intro = Helplines for { $country }:
helplines-change-country = Wrong country? Open ☰ Menu → What happened to change it.

## Privacy
privacy-body =
    🔒 What I keep, and what I don't
    • I never store your name, username, phone number or Telegram id.
    • Your progress is saved under a code made from your chat and a secret key kept on the server. The code can be linked to your chat only by someone holding that key, never from the database alone. It is encrypted too.
    • I don't keep what you type, except what you choose to put in your evidence log. That is encrypted too.
    • Files you send for your log are read once to make a fingerprint (SHA-256). The file itself is never saved, stored or forwarded. Send pictures as a file (📎 → File) so the fingerprint is of your original: a photo sent the usual way is compressed by Telegram, and its fingerprint matches only Telegram's copy.
    • It is deleted by itself after a few days of silence. Get your report (/report) to keep a copy.
    • /exit clears this chat at once, as far as Telegram allows, and erases everything I kept for it, your evidence log too, without asking: get /report first if you want a copy. /forget also erases everything, after asking you, and leaves the messages in the chat.
    The services I point you to are separate. Each one says what it will ask of you.
privacy-talk = 💬 If you talk to a counsellor (/talk), they see a case code and what you write, never who you are. While the conversation is open, the way to reach this chat is kept, encrypted, and erased when it ends.

## Help
help-body =
    I'm here to help you keep proof, get content taken down, report it and find support.
    /start — begin, or see where you were
    /evidence — your evidence log: links, accounts, dates, money demands, notes, file fingerprints
    /report — your report as a PDF, and a complaint text to copy
    /letters — complaints to platforms, the 1930 money pack, the section 63 certificate
    /summary — a short summary to share with a helpline, so you don't have to retell it
    /helplines — helplines and crisis numbers
    /language — English or हिन्दी
    /privacy — what I keep
    /restart — start over
    /exit — quick exit: clear this chat and erase everything, your log too
    /forget — erase everything (asks first)
help-talk =
    /talk — talk to a counsellor, here in this chat
    /end — end that conversation

## Menu
menu-title = Where would you like to go?
menu-safety = Am I safe?
menu-incident = What happened
menu-evidence = Keep proof
menu-takedown = Take it down
menu-reporting = Report it
menu-support = Support
menu-closing = Wrap up

## Language
language-question = Which language would you like?
language-en = English
language-hi = हिन्दी
language-bn = বাংলা
language-mr = मराठी
language-te = తెలుగు
language-ta = தமிழ்

## Forget
forget-question = Erase everything kept for this chat? Your progress and your evidence log will be gone, and you will start again. If you want a copy of your log, get /report first. This can't be undone.
forget-yes = Yes, erase everything
forget-no = No, keep it
forgotten-done = Done. Everything kept for this chat has been erased. You can start again any time with /start.

## Quick exit
exit-done = Chat cleared.
exit-erased = Everything kept for this chat is erased too, your evidence log included.
exit-limits = I removed what Telegram lets me remove. Messages older than 48 hours, and this chat in your list, stay: long-press the chat and choose Delete to remove it too.
exit-not-deleted = I couldn't remove the messages in this chat just now. To remove them, long-press the chat in your list and choose Delete.

## Talk to a counsellor (/talk): a partner helpline's counsellors answer in this chat
## $org is COUNSELLOR_ORG as the organisation wrote it, or talk-org-default. $hours is
## COUNSELLOR_HOURS as written ("Mon-Sat 09:00-18:00"); $zone is the time zone's name in her language.
talk-org-default = the counselling team
talk-consent-intro = 💬 You can talk to { $org } here, in this chat. A trained counsellor reads what you write and answers you here.
talk-consent-hours = Their hours: { $hours } ({ $zone }).
talk-consent-no-hours = There are no fixed hours: write whenever you like, and someone will answer as soon as they can.
talk-consent-closed = They are closed right now. You can still write: your message will wait for them, and they'll read it when they are back. If you need someone now, you can reach these:
talk-consent-see = They will see a case code, the messages you write here, and a summary of your situation only if you choose to share it. They never see your name, username, phone number or Telegram account.
talk-consent-keep = While the conversation is open, I have to keep one thing: the way to reach this chat, so that their answers get to you. It is kept encrypted, and erased when the conversation ends.
talk-consent-images = Photos, videos, files and voice messages are not passed on. They don't need to see the images; if you want, you can tell them in words what happened.
talk-consent-choose = To start, choose what to share. Your situation is what happened, the platforms, your country and what you have done so far. Your evidence log stays with you unless you choose to include it.
talk-share-summary = Start, and share my situation
talk-share-log = Start, and share my situation and log
talk-share-none = Start without sharing anything
talk-not-now = ← Not now
talk-off = This bot is not connected to a counselling service, so there is no one to talk to here. These people listen, and you can reach them yourself:
talk-off-summary = To tell them what happened without starting from the beginning, send /summary: it gives you a short summary with no name or number in it.
talk-open-intro = 💬 You are connected to { $org }. Write here whenever you're ready, in your own words: what you write now goes to them, and their answers appear in this chat.
talk-open-wait = Someone will answer as soon as they can.
talk-open-closed = They are closed right now. Their hours: { $hours } ({ $zone }). Your message waits for them, and they'll read it when they are back.
talk-open-closed-no-hours = Nobody is there right now. Your message waits for them, and they'll read it when they are back.
talk-open-notes = Photos, files and voice messages are not passed on. Commands still work. You can go back to where you were: what you write still goes to them. To end the conversation, tap ⏹ End conversation or send /end.
talk-back-to-where = ← Back to where I was
talk-ended = The conversation has ended. The way to reach this chat has been erased.
talk-ended-next = Thank you for reaching out. You can start a new conversation any time with /talk. If you need someone right now, 🆘 Helplines has numbers you can call.
talk-notice-off-hours = { $org } is closed right now. Their hours: { $hours } ({ $zone }). Your message is kept for them, and they'll read it when they are back.
talk-notice-off-hours-no-hours = Nobody from { $org } is there right now. Your message is kept for them, and they'll read it when they are back.
talk-notice-no-answer = No one from { $org } has answered in { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
}. I'm sorry you're waiting. Your message is still there, and they'll answer as soon as they can.
talk-notice-no-answer-now = No one from { $org } has answered yet. I'm sorry you're waiting. Your message is still there, and they'll answer as soon as they can.
talk-notice-unavailable = I couldn't connect you to { $org } just now. It's nothing you did. Please send /talk again a little later.
talk-notice-lines = If you need someone now, you can reach these:

## The counsellors' group: what the bot posts there (read in English). Nothing here names the person.
counsellors-opened =
    💬 New case { $code }. { $shared ->
        [summary] They shared a summary of their situation, below.
        [log] They shared a summary of their situation and their evidence log, below.
       *[none] They chose not to share their situation.
    }
    Write in this topic, or reply to this message: your words reach them with no name on them. /end closes the case, /helplines sends them the helplines, /summary shows what they shared.
counsellors-crisis = 🆘 crisis words in the last message
counsellors-not-passed = 📎 They sent a photo, file or voice message. It was not passed on; they were told they can describe it in words.
counsellors-summary-none = They chose not to share their situation.
counsellors-helplines-sent = 🆘 The helplines screen was sent to them.
counsellors-has-ended = This case has ended. Nothing written here reaches anyone now.
counsellors-ended-her = ⏹ They ended the conversation. The case is closed, and the way to reach them erased.
counsellors-ended-counsellor = ⏹ Case closed with /end. They have been told, and the way to reach them erased.
counsellors-ended-inactive = ⏹ Case closed after a long time with no messages. They have been told, and the way to reach them erased.
counsellors-ended-blocked = ⏹ Case closed: they blocked the bot, so nothing more can reach them.
counsellors-ended-exit = ⏹ Case closed: they used quick exit (/exit). Nothing more is sent to them.
counsellors-ended-forget = ⏹ Case closed: they erased everything kept for their chat (/forget). Nothing more is sent to them.
counsellors-ended-unavailable = ⏹ Case closed: their chat could not be reached.
case-briefing-none = They chose not to share their situation.
case-briefing-summary = Their situation, as they shared it:
case-briefing-log = Their evidence log ({ $n ->
    [one] 1 entry
   *[other] { $n } entries
}):
case-briefing-log-empty = Their evidence log is empty so far.


## Groups and channels
group-private-only = I only talk in private chats, to keep you safe. Please message me directly.

## Entries (names and numbers are filled in from flows/)
contact-line = { $name }: { $contact }
contact-entry =
    { $name }: { $contact }
    { $about }
route-entry =
    { $name }: { $contact }
    { $how }
    { $asks }
route-entry-plain =
    { $name }
    { $how }
    { $asks }

## ── Content: text for the ids in flows/ (names and numbers come from the YAML) ──

# Content text for flows/ ids. Numbers and links are printed by the screen from flows/, not here.
# Keep this file and content.hi.ftl in step: the same keys in both (a test checks).

## Incidents

incident-shared = { $who ->
    [helper] Their images were shared
   *[self] My images were shared
}
incident-sextortion = { $who ->
    [helper] They're being blackmailed
   *[self] I'm being blackmailed
}
incident-hidden-camera = { $who ->
    [helper] They were filmed secretly
   *[self] I was filmed secretly
}
incident-morphed = { $who ->
    [helper] Fake or edited images of them
   *[self] Fake or edited images of me
}
incident-stalking = Stalked or harassed online
incident-other = Something else

reassure-shared =
    What happened is not your fault. The person who shared it without your consent did wrong, not you.
    Content like this can be taken down, and we'll go one step at a time.
    If anyone threatens to hurt you, tap 🆘 or type it: the emergency number comes first. In India, the women's helpline 181 and the police can help protect you.
reassure-sextortion =
    This is not your fault, and you are not alone. Please don't pay and don't send anything more: demands usually grow.
    Stop replying, but keep the chat, because it is evidence.
    Anyone who later asks for money to "settle" it, even someone saying they are police, is part of the same scam.
reassure-hidden-camera =
    Being filmed without knowing is not your fault. The law treats it as a crime.
    You did nothing wrong by being in a private place. We'll look at what can be done, one step at a time.
reassure-morphed =
    A fake or edited image is still abuse, and it is not your fault.
    In India, the rules require platforms to act quickly, within hours, once you complain about morphed intimate images. We'll go through how.
reassure-stalking =
    Being watched, followed or harassed online is not your fault. Feeling that nowhere is safe is a normal reaction.
    Keep what they send you: it helps to stop them.
    If anyone threatens to hurt you, tap 🆘 or type it: the emergency number comes first. In India, the women's helpline 181 and the police can help protect you.
reassure-other =
    Whatever happened, it is not your fault, and you don't have to face it alone.
    We'll go one step at a time, and you can skip anything.

## Platforms

platform-instagram = Instagram
platform-facebook = Facebook
platform-whatsapp = WhatsApp
platform-telegram = Telegram
platform-x = X (Twitter)
platform-snapchat = Snapchat
platform-youtube = YouTube
platform-google = Google Search
platform-adult-site = Adult website
platform-other = Somewhere else

## Countries

country-in = India
country-pk = Pakistan
country-bd = Bangladesh
country-np = Nepal
country-gb = United Kingdom
country-us = United States
country-ca = Canada
country-au = Australia
country-other = Another country

## Evidence steps

evidence-found-camera =
    If you found a camera: don't touch, cover or unplug it. Photograph it where it is, from a distance, wide and close up: the camera only; don't open or copy what it recorded.
    Then go somewhere safe and call the police (112 in India). Tell the management after that, and don't hand them any memory card.
evidence-found-camera-why =
    Touching or unplugging it can destroy evidence or warn whoever is watching. Photos of where it was hidden show the police what to look for.
    That is also why the police come first, before the owner or manager.

evidence-screenshot-post =
    Take a screenshot of each page where it appears, with the full web address (URL), the date and the time visible.
    You don't need to look at it for longer than that.
evidence-screenshot-post-why =
    Once a post is reported or deleted, it can vanish. A screenshot with the address and time shows where and when it was up.
    If you may go to the police, save this before you report.

evidence-keep-chats =
    Keep the chats: don't delete them. Stop replying, and take screenshots of the messages with the dates and times showing.
    Blocking is fine once you've saved them.
evidence-keep-chats-why =
    Messages, especially threats, show who did this and when.
    Some apps don't keep messages after they are delivered, so your copy may be the only one.

evidence-minor-save-messages =
    Don't delete the chat, and stop replying. Write down what the threats say, the username, and the date and time.
    If a message shows a picture, don't screenshot it.
evidence-minor-save-messages-why =
    The words, the username and the time are what police and platforms need.
    Don't keep any picture of someone under 18, even as proof. The link and the messages are enough.

evidence-save-links =
    Copy the full link (URL) of each post, profile, group or channel: the whole address, not just the site name.
    Keep the links together in one note.
evidence-save-links-why =
    A full link takes a platform or the police straight to the right place.
    On Telegram, a message link also includes the message's number.

evidence-note-usernames =
    Write down the usernames, handles, profile links and any IDs of the accounts involved, and any phone numbers or email addresses they used.
evidence-note-usernames-why =
    Display names are easy to change. A profile link, handle or ID helps a platform or the police find the exact account.

evidence-payment-demands =
    Write down every money demand: the UPI ID, bank account, wallet or number they gave, the amount, and when they asked.
    If any money was already paid, keep the receipt.
evidence-payment-demands-why =
    Payment details can lead to the person behind the account.
    If money has gone, report it quickly on 1930: fast reports give the best chance of freezing it.

evidence-email-headers =
    If they emailed you, keep the emails as they are, including the full headers (the technical details at the top).
evidence-email-headers-why =
    Email headers show where a message really came from, which can help trace the sender.

evidence-keep-originals =
    Put your screenshots and notes in a password-protected folder only you can open, not on a phone or account the other person can get into.
    Keep a second copy in another protected place. Don't edit or crop them.
evidence-keep-originals-why =
    If one copy is lost or found, you still have the other. Untouched originals are easier to rely on as proof.

evidence-timeline =
    Write a short timeline: what happened, when, and where (which app or site).
    Add when you saved each screenshot or link.
evidence-timeline-why =
    A timeline turns scattered pieces into one clear story for a report.
    It also means you won't have to go back and look again.

evidence-tell-adult =
    Tell an adult you trust: a parent, relative, teacher or counsellor.
    If it's hard to explain, you can show them this chat.
evidence-tell-adult-why =
    You don't have to deal with this alone, and it is not your fault.
    An adult can help you report it and use Take It Down.
    If you tell a teacher or a school counsellor, the law (POCSO section 19) says they must tell the police. That rule is there to protect you. You can also call Childline 1098 first.

evidence-report-link =
    Report the post or account using its link, in the app or through Take It Down.
    Don't download, screenshot or forward the picture, even to prove it.
evidence-report-link-why =
    Pictures of anyone under 18 are taken very seriously by platforms and police.
    The law forbids anyone to keep or forward them, so keep only the link. That is enough.

evidence-check-room =
    To check a trial room, washroom or hotel room:
    • Turn off the light. Sweep your phone torch over smoke alarms, clocks, chargers, vents and decorations: a lens shows as a tiny glint.
    • Still in the dark, look through your phone camera (try the front one) for glowing dots.
    • Mirror: cup your hands against the glass and look for a space behind it.
evidence-check-room-why =
    Hidden cameras sit in everyday things, and many have night-vision lights that a phone camera can see.
    The fingernail test on a mirror (no gap between finger and reflection) is not reliable on its own.
    These checks can miss a camera. If a place feels wrong, you can leave.

evidence-report-numbers =
    Whenever you report something, write down the case or complaint number and the date.
    Keep any emails or messages they send back.
evidence-report-numbers-why =
    A case number lets you follow up or appeal without starting again.
    Some services, like StopNCII, can't recover a lost number.

## Takedown routes

route-meta-report = Report to Facebook or Instagram (Meta)
route-meta-report-how =
    In the app, report the post, message or profile and choose the option for intimate images shared or threatened without consent.
    Meta checks these reports 24/7 and uses photo-matching to stop re-shares.
route-meta-report-asks =
    You need an account to report from: yours or a trusted person's. Meta knows which account sent the report.

route-x-report = Report to X (Twitter)
route-x-report-how =
    Report the post as intimate media shared without consent. X bans this, including hidden-camera and upskirt content.
route-x-report-asks =
    X may ask that the report comes from the person shown, and for ID, which it says it deletes afterwards.
    It does not tell the poster who reported.

route-telegram-report = Report on Telegram
route-telegram-report-how =
    In the app, use Report on the message, the user or the channel. You can also email abuse@telegram.org with the t.me links.
    Don't forward the content.
route-telegram-report-asks =
    An in-app report comes from your Telegram account; an email shows your email address.

route-whatsapp-report = Report or block on WhatsApp
route-whatsapp-report-how =
    Save the messages first. Then open the chat, tap the contact's name, and choose Report or Block.
route-whatsapp-report-asks =
    It is done from your own WhatsApp account. WhatsApp may not keep messages once delivered, so your saved copy matters.

route-platform-report = Report it on the app or site
route-platform-report-how =
    Use the site's own Report option. Say which rule it breaks, and keep it short and factual.
    Report once: reporting again and again doesn't help and can backfire.
route-platform-report-asks =
    Often you don't need an account to report. What else it asks depends on the site.

route-google-search-removal = Remove it from Google Search
route-google-search-removal-how =
    Ask Google to remove search results that link to intimate images of you shared without consent. There is a separate form for fake or AI-made images.
    This hides the results only: the site itself still needs a report.
route-google-search-removal-asks =
    Not anonymous: you, or someone acting for you, fill in a form, and it is reported to ask for ID details.
    It is not for content you are currently paid for.

route-aylo-removal = Content removal request (Pornhub and other Aylo sites)
route-aylo-removal-how =
    Use the Content Removal Request on the site. Flagged content is suspended while it is reviewed, and you can ask for a case manager.
route-aylo-removal-asks =
    Anyone can send one, not only the person shown. If anyone in it was under 18, Aylo itself must report it to NCMEC: that isn't your job.

route-stopncii = StopNCII.org: stop it spreading
route-stopncii-how =
    StopNCII makes a digital fingerprint (hash) of the image on your own device, and partner platforms block matches. Partners named by 2024 include Facebook, Instagram, Threads, TikTok, Snapchat, Reddit, Bumble, OnlyFans, Pornhub, Redgifs and Microsoft Bing; Google was not one.
    For images already posted, report them to the platform too.
route-stopncii-asks =
    The image never leaves your phone; only the fingerprint is sent. You must be 18 or over in the image and have it on your device.
    Write down the case number and PIN: they can't be recovered.

route-take-it-down = Take It Down (images from under 18)
route-take-it-down-how =
    For nude or sexual images taken when you were under 18, even if you are an adult now. It fingerprints the image on your device so platforms can remove it.
    Don't download or share the image to use it.
route-take-it-down-asks =
    Nothing about you: no name or personal details. Open to anyone, anywhere. It does not work on encrypted apps.

## Reporting routes: India

route-ncrp-other-cyber = cybercrime.gov.in: Report Other Cyber Crime
route-ncrp-other-cyber-how =
    For adults: intimate images shared or threatened, fake images, stalking or blackmail go under "Report Other Cyber Crime", unless it is a rape video. File it with your links and screenshots.
    Keep the complaint number to check its status.
route-ncrp-other-cyber-asks =
    Not anonymous: the complaint is in your name, with your contact details.
    It can be withdrawn until it becomes an FIR.

route-ncrp-women-child = cybercrime.gov.in: Women/Child section (child sexual material, rape videos)
route-ncrp-women-child-how =
    Only for sexual material involving children (anyone under 18), and rape or gang-rape videos. Choose "Report Women/Child Related Crime", then "Report Anonymously" or "Report and Track", and pick the state where it happened.
route-ncrp-women-child-asks =
    "Report Anonymously" needs no name or phone number, but fill in the details fully. "Report and Track" needs an Indian mobile number for an OTP (valid 30 minutes), and your name, phone and email.
    A complaint here can't be withdrawn.

route-call-1930 = National cyber crime helpline
route-call-1930-how =
    Call if you can't or don't want to report online, or if money was taken: a fast call helps freeze it.
    You'll get an SMS link: complete the complaint on cybercrime.gov.in as soon as you can, the same day if possible.
route-call-1930-asks =
    Not anonymous: you call from your phone and complete the complaint in your name.

route-police-station = Police station or cyber police
route-police-station-how =
    Go to the nearest police station or your state's cyber police. Any station can register it, wherever it happened (Zero FIR). A complaint sent online (e-FIR) counts only once you sign it, within 3 days.
    You get a free copy of the FIR. If they refuse, write by post to the Superintendent of Police, or go to a magistrate.
route-police-station-asks =
    Not anonymous: you give your name and details. A woman's complaint of voyeurism, stalking or insults to her modesty (BNS 77-79) is recorded by a woman officer.
    If you want legal action, keep your evidence before asking platforms to remove anything.

route-one-stop-centre = One Stop Centre (Sakhi)
route-one-stop-centre-how =
    A centre for women that helps you file a police or cyber crime complaint, and gives legal and psychological counselling and free legal aid.
    The women's helpline 181 can refer you to the nearest one.
route-one-stop-centre-asks =
    Not anonymous: you go in person, so they will know who you are.

route-grievance-officer = The platform's Grievance Officer (India)
route-grievance-officer-how =
    Every platform must publish its Grievance Officer's contact details.
    For intimate, nude or morphed images of you, the rules require platforms to act quickly, within hours, once you complain.
route-grievance-officer-asks =
    Usually your name and a way to reply to you. Someone you trust can complain on your behalf.

route-gac-appeal = Grievance Appellate Committee (GAC)
route-gac-appeal-how =
    If the Grievance Officer's answer doesn't help, you can appeal online within 30 days. The committee's decision binds the platform.
route-gac-appeal-asks =
    Not anonymous: an appeal in your own name, made online.

## Reporting routes: other countries

route-pk-nccia = NCCIA: National Cyber Crime Investigation Agency (Pakistan)
route-pk-nccia-how =
    The NCCIA replaced the FIA's cyber crime wing. Call, or go to a Cybercrime Reporting Centre; filing is free. The DRF Cyber Harassment Helpline can help you prepare (every day, 9am to 5pm Pakistan time).
route-pk-nccia-asks =
    Not anonymous: a criminal complaint is made in your name. Bring screenshots, links, chats and a copy of your CNIC.

route-bd-pcsw = Police Cyber Support for Women (Bangladesh)
route-bd-pcsw-how =
    A police service for women facing abuse online. Call, or message its Facebook page.
route-bd-pcsw-asks =
    Not anonymous: police will usually need your name and contact details to act.

route-np-cyber-bureau = Nepal Police Cyber Bureau
route-np-cyber-bureau-how =
    The Cyber Bureau in Bhotahiti, Kathmandu, handles sextortion, fake profiles and similar cases. You can also call the police on 100.
route-np-cyber-bureau-asks =
    Not anonymous: a police complaint is made in your name.

route-gb-rph = Revenge Porn Helpline (UK)
route-gb-rph-how =
    Advisers help adults in the UK get intimate images removed and explain the next steps.
    Open 10:00 to 16:00, Monday to Friday; you can ask for a callback.
route-gb-rph-asks =
    You can talk first about what happened. To help with removal, they will need the links.

route-us-fbi-tips = FBI tips (US)
route-us-fbi-tips-how =
    The FBI takes reports of sextortion online or by phone.
route-us-fbi-tips-asks =
    Not anonymous: expect to give your name and contact details.

route-us-cybertipline = NCMEC CyberTipline (US)
route-us-cybertipline-how =
    Report sexual images of anyone under 18, online or by phone. It is also the way to go when you can't use Take It Down.
route-us-cybertipline-asks =
    Expect to be asked what happened and how to reach you.

route-ca-police = Police (Canada): if you are 18 or over
route-ca-police-how =
    Sharing an intimate image of someone without consent is a crime in Canada. You can report it to your local police; in an emergency, call 911. Ask the site to remove it too.
route-ca-police-asks =
    Not anonymous: police will usually need your name and contact details to act.

route-ca-cybertip = Cybertip.ca (Canada): under 18 only
route-ca-cybertip-how =
    Only for images of someone under 18: a nude or sexual image shared without permission, luring or sextortion. For step-by-step removal help, see NeedHelpNow.ca. Adults: see the police route.
route-ca-cybertip-asks =
    You can report without giving your contact details, though they may need them to follow up.

route-au-esafety = eSafety Commissioner (Australia)
route-au-esafety-how =
    Report intimate images shared or threatened, at any age. eSafety can help remove them and may act against the poster.
    You, the poster or the website must be in Australia.
route-au-esafety-asks =
    You can report without giving your name, for example with a separate email address.

## Lines

line-in-112 = Emergency: police, fire, ambulance
line-in-112-about = Free, for immediate danger, anywhere in India.
line-in-tele-manas = Tele-MANAS (mental health)
line-in-tele-manas-about = Free, 24/7, in 20 languages: talk to a counsellor about how you feel. Also on 1-800-891-4416.
line-in-women-181 = Women Helpline
line-in-women-181-about = Toll-free, 24/7, for women; links you to police, One Stop Centres, hospitals and legal help. Not run in West Bengal.
line-in-ncw = National Commission for Women helpline
line-in-ncw-about = Free, 24/7, for women: trained counsellors answer and refer you to police, legal and counselling help. It connects to the NCW helpline 7827170170. A written complaint to NCW must carry your name.
line-in-cyber-1930 = National cyber crime helpline
line-in-cyber-1930-about = Toll-free, 24/7. Mainly for money taken online; it can also help you report a cyber crime.
line-in-one-stop-centre = One Stop Centre (Sakhi)
line-in-one-stop-centre-about = Centres for women: help to file a police or cyber crime complaint, legal and psychological counselling, and legal aid through the District Legal Services Authority. The women's helpline on this number refers you to the nearest one.
line-in-nalsa = Free legal aid (NALSA)
line-in-nalsa-about = Toll-free. Every woman and every child is entitled to free legal aid, whatever their income. Call, apply online on the NALSA portal, or go to your District Legal Services Authority (DLSA). If you can't write, staff there fill in the form for you.
line-in-childline = Childline
line-in-childline-about = Free, 24/7, for children and young people under 18, or an adult calling for them.
line-pk-drf = DRF Cyber Harassment Helpline (Pakistan)
line-pk-drf-about = Toll-free, 9am to 5pm Pakistan time, 7 days a week. Legal, digital-safety and emotional help; calls are not recorded.
line-pk-15 = Police (Pakistan)
line-pk-15-about = For immediate danger. In Punjab, once connected, you can press 7 to be put through to a psychologist.
line-pk-1122 = Rescue service (Pakistan)
line-pk-1122-about = Rescue and ambulance, 24 hours, where it runs: Punjab, Khyber Pakhtunkhwa and Sindh.
line-pk-umang = Umang (Pakistan)
line-pk-umang-about = A suicide prevention helpline answered by volunteer psychologists. Free, 24/7 except during the Eid holidays. In Urdu, English and regional languages.
line-bd-999 = National emergency (Bangladesh)
line-bd-999-about = Police, fire and ambulance. Free, 24 hours, from any phone. Press 2 for English.
line-bd-109 = Helpline for women and children (Bangladesh)
line-bd-109-about = Toll-free, 24/7, for violence against women and children.
line-bd-kaan-pete-roi = Kaan Pete Roi (Bangladesh)
line-bd-kaan-pete-roi-about = Volunteers who listen, if you feel low or are thinking of suicide. Open 12 hours every day. Check their website for how to reach them.
line-np-100 = Nepal Police
line-np-100-about = For immediate danger; also for gender-based violence.
line-np-1166 = Suicide prevention helpline (Nepal)
line-np-1166-about = The national helpline, at the Mental Hospital in Lagankhel. Its hours are not confirmed, so it may not answer at night.
line-np-104 = Nepal Police: children
line-np-104-about = The police number for children.
line-gb-999 = Emergency (UK)
line-gb-999-about = Free, for immediate danger: police, ambulance, fire.
line-gb-samaritans = Samaritans (UK)
line-gb-samaritans-about = Free, 24/7, from any phone, and the call doesn't show on your phone bill. Someone will listen, whatever you are going through. You can also email jo@samaritans.org.
line-gb-shout = Shout (UK)
line-gb-shout-about = Free, 24/7, by text message only. The first two replies are automatic; a trained volunteer usually joins within about 5 minutes.
line-gb-rph = Revenge Porn Helpline (UK)
line-gb-rph-about = For adults in the UK. 10:00 to 16:00, Monday to Friday, not bank holidays; you can ask for a callback.
line-us-911 = Emergency (US)
line-us-911-about = For immediate danger: police, fire, ambulance.
line-us-988 = Suicide & Crisis Lifeline (US)
line-us-988-about = Free, confidential, 24/7: call, text or chat online if you are struggling or thinking about ending your life. Calls in English and Spanish, with interpreters for 250+ languages.
line-ca-911 = Emergency (Canada)
line-ca-911-about = For immediate danger: police, fire, ambulance.
line-ca-988 = Suicide Crisis Helpline (Canada)
line-ca-988-about = Free, 24/7, by call or text, in English and French.
line-au-000 = Triple Zero (Australia)
line-au-000-about = For immediate danger. Voice calls only; people who use a TTY call 106.
line-au-lifeline = Lifeline (Australia)
line-au-lifeline-about = 24/7 crisis support: call, text 0477 13 11 14, or chat online. You don't have to say who you are.
line-findahelpline = Find a Helpline
line-findahelpline-about = Free crisis lines for your country, answered by people, not bots. Choose your country there. In immediate danger, call your local emergency number.
line-rph-outside-uk = Help outside the UK
line-rph-outside-uk-about = The Revenge Porn Helpline's list of services for people in other countries.

## Laws (India)

law-it-66e = IT Act section 66E: capturing, publishing or sending an image of someone's private parts without consent, where they expected privacy. Up to 3 years in prison or a fine up to ₹2 lakh, or both. It applies whatever your gender.
law-it-67 = IT Act section 67: publishing or sending obscene material electronically. Up to 3 years and a fine up to ₹5 lakh; up to 5 years and ₹10 lakh for a repeat offence.
law-it-67a = IT Act section 67A: publishing or sending sexually explicit material electronically. Up to 5 years and a fine up to ₹10 lakh; up to 7 years for a repeat offence.
law-it-67b = IT Act section 67B: punishes people who make, ask for, download, share or publish sexual images of anyone under 18. Up to 5 years in prison and a fine up to ₹10 lakh; up to 7 years for a repeat offence. It treats the person in the images as the one harmed. Never download or forward such images, even as proof; give the link.
law-pocso-11-12 = POCSO sections 11 and 12: protect anyone under 18 from sexual harassment, such as being followed, watched or contacted again and again online, being threatened with a real or faked sexual image of them, or being lured into sexual pictures or videos. Up to 3 years in prison and a fine.
law-pocso-13-14 = POCSO sections 13 and 14: using anyone under 18 in sexual images or videos, including making, offering, sending, publishing or spreading them, is a serious crime. At least 5 years in prison and a fine; at least 7 years for a repeat offence. The law is there to protect the person in the images.
law-pocso-15 = POCSO section 15: punishes people who keep or share sexual images of anyone under 18, with a fine or prison. Keeping them is allowed only to report them, or as evidence for a court. So please don't save or forward such images, not even as proof: report the link instead.
law-it-66c = IT Act section 66C: dishonestly using someone's password or other identity details, for example to get into their account. Up to 3 years and a fine up to ₹1 lakh.
law-it-66d = IT Act section 66D: cheating by pretending to be someone else using a computer or phone. Up to 3 years and a fine.
law-bns-77 = BNS section 77 (voyeurism): watching, filming or sharing images of a woman in a private act. Agreeing to a photo is not agreeing to it being shared. 1 to 3 years for a first offence, 3 to 7 years after that, plus a fine.
law-bns-78 = BNS section 78 (stalking): repeatedly contacting a woman who has made clear she is not interested, or monitoring her internet, email or messages. Up to 3 years and a fine; up to 5 years for a repeat offence.
law-bns-79 = BNS section 79: words, gestures or acts meant to insult a woman's modesty, or intruding on her privacy. Up to 3 years and a fine.
law-bns-351 = BNS section 351 (criminal intimidation): threatening someone with harm. Up to 2 years, a fine, or both; up to 7 years for serious threats, such as a threat to damage a woman's reputation sexually; up to 2 more years if the threat is anonymous.
law-bns-308 = BNS section 308 (extortion): making someone hand over money or property by putting them in fear, including by online messages. Up to 7 years, a fine, or both.

## Evidence log
log-title = 📁 Your evidence log: { $count } of { $max } { $max ->
    [one] item
   *[other] items
}
log-empty = Nothing here yet. Add what you have: links, the account that did this, dates, money demands, notes in your own words, or a fingerprint of a screenshot or file.
log-earlier = …and { $count } earlier. Your report has them all.
log-private = 🔒 Only for this chat, encrypted, and erased with /exit or /forget, or after a few days of silence. Files are never kept, only their fingerprint.
log-item-link = { $n }. 🔗 { $url }
log-item-handle = { $n }. 👤 { $handle }
log-item-date = { $n }. 📅 { $when }: { $what }
log-item-money = { $n }. 💸 { $details }
log-item-note = { $n }. 📝 { $text }
log-item-file = { $n }. 📎 { $type }, { $size }, SHA-256 { $short }… (received { $at })
log-item-sent-complaint = { $n }. ✉️ Complaint sent to { $platform }, { $at } ({ $ago })
log-item-sent-appeal = { $n }. ✉️ Appeal about { $platform } sent, { $at } ({ $ago })
since-unknown = earlier
since-now = less than an hour ago
since-hours = { $n ->
    [one] 1 hour ago
   *[other] { $n } hours ago
}
since-days = { $n ->
    [one] 1 day ago
   *[other] { $n } days ago
}
file-type-photo = Photo
file-type-video = Video
file-type-document = Document
file-type-animation = Animation
log-add-link = 🔗 Link
log-add-handle = 👤 Account
log-add-date = 📅 Date and time
log-add-money = 💸 Money demand
log-add-note = 📝 Note
log-add-file = 📎 Screenshot or file
log-add-link-instead = 🔗 Add a link instead
log-remove = 🗑 Remove an item
log-report = 📄 Report (PDF)
log-summary = 🧾 Short summary
log-ask-link = Send the link (web address) of the post, profile or chat, for example https://instagram.com/… Up to { $max } { $max ->
    [one] character
   *[other] characters
}.
log-ask-handle = Send the username, profile name or phone number of the account involved, for example @name. Up to { $max } { $max ->
    [one] character
   *[other] characters
}.
log-ask-date =
    Send the date, and the time if you know it, then a few words about what happened (up to { $max } { $max ->
    [one] character
   *[other] characters
}). For example:
    14/03/2026 9:30 pm first threat on Instagram
    yesterday 21:00 asked for money
log-ask-money =
    Send what was demanded or paid: the amount, and where it was to go (a UPI ID, an account number and IFSC, or a wallet or phone number). For example: ₹5,000 to name@okaxis
    If you paid, say so, and add the UTR or transaction ID from the payment screen, and "from my …" for your own account. For example: paid ₹5,000 to name@okaxis from my SBI account, UTR 412345678901
    Please don't pay, and if you already have, don't pay more: paying rarely makes it stop.
log-ask-note = Write what happened in your own words, as short or as long as you like, up to { $max } { $max ->
    [one] character
   *[other] characters
}. You decide what goes in.
log-ask-file =
    Send the screenshot, photo, video or document as a file: tap 📎, choose File, then pick it. That way the fingerprint is of your original.
    I'll read it once to make its fingerprint (SHA-256): a code that can show later that your copy hasn't changed. A photo sent the usual way is compressed by Telegram, so its fingerprint matches only Telegram's copy, not yours. The file itself is not saved, not stored and not forwarded, so keep your own copy safe. Files up to { $max } MB.
log-ask-file-minor =
    Please don't send pictures or videos here. If anyone in them may have been under 18, they must not be shared with anyone, not even with me. That rule protects the person in them, and you did nothing wrong.
    Add the link to where it is posted instead: the link alone is enough to report it. Documents such as a chat export are fine.
log-remove-title = Tap a number to remove that item. This can't be undone. (Page { $page } of { $pages })
log-remove-item = ✕ { $n }
log-more = More →
offer-link = You sent a link: { $url }
offer-file =
    I made a fingerprint of your { $type } ({ $size }):
    SHA-256 { $sha256 }
    The file itself was not kept: not saved, not stored, not forwarded.
offer-question = { $offered ->
    [one] Add it to your evidence log?
   *[other] Add these { $offered } to your evidence log?
} ({ $count } of { $max } { $max ->
    [one] item
   *[other] items
} so far)
offer-yes = ✓ Add to my log
offer-no = No, thanks

## Report
report-ready = 📄 Your report comes as a PDF, with all { $count } { $count ->
    [one] item
   *[other] items
} of your log, the laws that may apply, and a complaint text. The complaint text also comes as a message: tap it to copy.
report-ready-empty = 📄 Your log is empty, so your report (a PDF) has the laws that may apply, a complaint text and helplines. You can add evidence any time with /evidence and get a new report.
report-keep-safe = Save the PDF somewhere only you can open (in Telegram: ⋮ → Save to Downloads). /exit removes it from this chat and erases your evidence log. There is no name in it unless you typed one.
report-caption = Your report. The file name says nothing about what is inside.
report-failed = I couldn't send the PDF just now. Here is the complaint text; send /report again in a minute for the PDF.
complaint-message-intro = Complaint text, ready to paste (tap it to copy). Add or change anything you like:
report-title = Record of online abuse, for a complaint
report-prepared = Prepared on { $date }.
report-intro = Made by the person it happened to, from their own evidence log, with the Not Your Fault bot. It contains no name or contact unless they typed one in.
report-footer = Page { $page } of { $pages }
report-what-heading = What happened
report-timeline-heading = Timeline of evidence
report-timeline-intro = In the order things happened: a date the person gave, otherwise when it was added to the log. Times are in { $zone }.
report-timeline-empty = No evidence has been logged yet.
report-item-label = #{ $n } · added { $received }
report-kind-link = Link
report-kind-handle = Account
report-kind-date = Date
report-kind-money = Money
report-kind-note = Note
report-kind-file = File fingerprint
report-kind-sent = Complaint sent
report-kind-sent-complaint = Complaint sent to { $platform }
report-kind-sent-appeal = Appeal to the Grievance Appellate Committee about { $platform } sent
report-file-type-photo = photo
report-file-type-video = video
report-file-type-document = document
report-file-type-animation = animation
report-bytes = { $bytes } bytes
report-files-heading = File fingerprints (SHA-256)
report-files-intro = Each file was read once when it was received, to compute its SHA-256 fingerprint. The bot did not keep the files; the person has their own copies.
report-files-check = To check a copy: compute its SHA-256 (for example "sha256sum file" on Linux or Mac, "certutil -hashfile file SHA256" on Windows) and compare. The same fingerprint means the same file, unchanged.
## Money pack (/letters and the report): what 1930 asks for, and what to do now
money-pack-title = Money details for 1930 (the national cyber crime helpline)
money-pack-title-other = Money details for your complaint
money-pack-intro = { $count ->
    [one] 1 payment or demand from your log.
   *[other] { $count } payments or demands from your log, oldest first.
} Keep this in front of you when you call, and paste it into your complaint.
money-pack-entry =
    { $n }. { $state ->
        [paid] Paid
        [demanded] Demanded, not paid
       *[other] Payment or demand
    }
money-pack-amount = Amount: { $amount }
money-pack-into = { $state ->
    [paid] Paid into
    [demanded] Asked to be paid into
   *[other] Their UPI ID or account
}: { $details }
money-pack-from = Paid from (your side): { $from }
money-pack-utr = UTR / transaction ID: { $utr }
money-pack-utr-missing = UTR / transaction ID: not noted yet. It is on the payment screen in the app, or in the bank's SMS.
money-pack-logged = Added to your log: { $at }
money-pack-words = Your words: { $what }
money-pack-more = { $count ->
    [one] 1 more entry is in your report (/report).
   *[other] { $count } more entries are in your report (/report).
}
money-pack-now-heading = What to do now
money-pack-now-call = { $paid ->
    [none] Report the demand: call 1930, or report it on cybercrime.gov.in.
   *[other] Call 1930 as soon as you can. Police say the first hours after a payment matter most (the "golden hour").
}
money-pack-now-report-other = As soon as you can, report it to the police or the cyber crime service where you live. Your report (/report) lists where.
money-pack-now-screenshots = Keep the screenshots of every payment and the bank's SMS. Don't delete them.
money-pack-now-complaint = After the call you may get an SMS with a number: keep it. Complete your complaint on cybercrime.gov.in the same day if you can. You can paste this list into it.
money-pack-now-no-more = Don't pay any more, whatever they say. Paying rarely makes it stop.
money-pack-now-no-promise = It is not confirmed that money paid to a blackmailer can be held. Report it anyway, whether or not the money comes back.
money-pack-also = 1930 may also ask for your mobile number and the bank or app you paid from.
report-laws-heading = Laws that may apply
report-laws-intro = In plain words. The police or a lawyer will decide which apply.
report-law-label = { $act }, section { $section }
report-laws-elsewhere = This bot lists sections of Indian law only. The reporting routes below can tell you what applies where you live.
report-complaint-heading = Complaint text
report-complaint-how-in = Ready to paste into the incident details on cybercrime.gov.in, or to read out on 1930 or at a police station. Change anything you like.
report-complaint-how = Ready to paste into a report form, or to read out to the police. Change anything you like.
report-where-heading = Where to report
report-helplines-heading = Helplines
report-not-alone = You are not alone, and this is not your fault.
# Section 63 certificate (the report's appendix, src/report/certificate.ts). content-facts-2 §C, §L.4.
# { $act } is the Act's name as the law labels give it ("Bharatiya Sakshya Adhiniyam, 2023").
cert-plain-heading = Appendix: section 63 certificate, in plain words
cert-draft = DRAFT — to be checked with a lawyer before it is signed or used.
cert-what-heading = What it is for
cert-what = In India, a copy or printout of a digital record (a screenshot, a chat export, a photo or video file) can be used in court without the phone itself, if it comes with a certificate under section 63 of the { $act }. The certificate goes with the record each time it is submitted.
cert-format = Use the format of the Act's Schedule: in September 2024 a Delhi court found certificates in the old section 65B form incorrect for new cases. The Act applies from 1 July 2024.
cert-who-heading = Who fills it in
cert-part-a = Part A (the form that follows) is filled in by the person in charge of the device that holds the original files. For your own phone or computer, that is you. This is practical guidance, not official advice.
cert-part-b = Part B must be filled in and signed by an expert: for example the police cyber cell, or a forensic lab or examiner. Ask your lawyer or the investigating officer to arrange it.
cert-expert-unsettled = Who counts as an expert is not settled. In 2024 the Madras High Court treated it as an examiner notified under section 79A of the IT Act. A 2026 report says the Supreme Court held that this is not needed, but that judgment was not found. Your lawyer can tell you what applies now.
cert-fingerprints-heading = The fingerprints
cert-fingerprints = The fingerprints (SHA-256) in Part A are of the copies this bot received. An expert will take fingerprints of the originals. Whether a fingerprint is required, and when it must be taken, is not settled either.
cert-photo-compressed = A picture sent the usual way (not as a file) was compressed by Telegram, so its fingerprint matches only Telegram's copy, not your original.
cert-keep-heading = Keep the originals
cert-keep = Keep the original phone and files as they are: don't edit, crop or filter them, and don't reset the phone.
cert-exports = Save the original exports (the file itself, the chat export), not photos of the screen or scanned printouts.
cert-by-hand = Write the device details (make, model, colour, serial number, IMEI) by hand on the printed page. Never type them into this chat: an IMEI identifies your phone, and so you.
cert-about-heading = About this draft
cert-not-captured = Part A follows the Schedule's parts and headings in plain words, not its official wording. The full text of Part B was not available when this draft was made, so Part B is left to the expert. Check both against the official text.
cert-lawyer = Show it to a lawyer before you sign or submit it (free legal aid: see Helplines).
cert-a-heading = Certificate under section 63(4) — Part A, to be filled by the party
cert-a-draft = DRAFT — to be checked with a lawyer. Laid out after Part A of the Schedule to the { $act }, in plain words, not the official text.
cert-a-who-heading = 1. The person giving this certificate
cert-a-name = Name
cert-a-address = Address
cert-a-source-heading = 2. The record was produced from (tick all that apply)
cert-source-computer = Computer or storage media
cert-source-dvr = DVR
cert-source-mobile = Mobile phone
cert-source-flash = Flash drive
cert-source-cd = CD/DVD
cert-source-server = Server
cert-source-cloud = Cloud
cert-source-other = Other: ________________
cert-a-device-heading = 3. The device
cert-a-by-hand = Fill these in by hand, on paper. Never type them into the chat.
cert-a-make-model = Make and model
cert-a-colour = Colour
cert-a-serial = Serial number
cert-a-imei = IMEI / UIN / UID / MAC / Cloud ID
cert-a-control-heading = 4. Control of the device
cert-a-lawful = The device was under my lawful control, and it was working properly.
cert-a-owned = It is Owned / Maintained / Managed / Operated by me (strike out what does not apply).
cert-a-hash-heading = 5. Hash values
cert-a-hash-intro = { $count ->
    [one] The hash value of the record is:
   *[other] The hash values of the { $count } records are:
}
cert-a-hash-label = File #{ $n } · { $type }
cert-a-received = Received by the bot
cert-a-algorithm = obtained through the following algorithm (the one ticked):
cert-algorithm-other = Other
cert-a-hash-report = Hash report enclosed
cert-a-hash-note = These are the SHA-256 fingerprints of the copies this bot received, at the times shown (IST, 24-hour clock). An expert will take the fingerprints of the originals.
cert-a-sign-heading = 6. Signature
cert-a-signature = Signature
cert-a-date = Date (DD-MM-YYYY)
cert-a-time = Time (IST, 24-hour)
cert-a-place = Place
cert-b-heading = Part B — To be filled by the Expert
cert-b-note = For the expert (for example the police cyber cell or a forensic lab). In it the expert also records the hash value or values of the record, the algorithm and the hash report, and signs with the date, time and place. The full text of Part B was not available when this draft was made, so it is not printed here: the expert uses the official Schedule.

## Summary
summary-intro = 🧾 A short summary with no name or number in it. Copy it into a helpline chat, read it out on a call, or show it at a cyber cell, so you don't have to tell it all again.
summary-what = What happened: { $what }
summary-minor = Age: the person is under 18.
summary-was-minor = Age: someone in the images was under 18 when they were taken.
summary-age-unsure = Age: not sure whether anyone in the images was under 18.
summary-helper = Told by someone helping the person.
summary-where = Where: { $platforms }
summary-unknown = not known yet
summary-country = Country: { $country }
summary-evidence = Evidence kept: { $total } { $total ->
    [one] item
   *[other] items
} ({ $counts })
summary-evidence-none = Evidence kept: none logged yet
summary-done = Already done: { $did }
summary-did-evidence = { $done } of { $total ->
    [one] { $total } evidence step
   *[other] { $total } evidence steps
}
summary-did-log = an evidence log
summary-did-takedown = looked at how to get it taken down
summary-did-reporting = looked at how to report it
summary-did-nothing = nothing yet
summary-needs = What would help now: { $needs }
summary-need-takedown = getting the content removed
summary-need-report = help filing a complaint
summary-need-report-minor = help reporting it, with a trusted adult
summary-need-support = someone to talk to
count-link = { $n ->
    [one] 1 link
   *[other] { $n } links
}
count-handle = { $n ->
    [one] 1 account
   *[other] { $n } accounts
}
count-date = { $n ->
    [one] 1 date
   *[other] { $n } dates
}
count-money = { $n ->
    [one] 1 money demand
   *[other] { $n } money demands
}
count-note = { $n ->
    [one] 1 note
   *[other] { $n } notes
}
count-file = { $n ->
    [one] 1 file fingerprint
   *[other] { $n } file fingerprints
}
count-sent = { $n ->
    [one] 1 complaint sent
   *[other] { $n } complaints sent
}
case-incident-shared = intimate images shared without consent
case-incident-sextortion = blackmail (sextortion): threats to share intimate images unless paid or obeyed
case-incident-hidden-camera = filmed or photographed secretly
case-incident-morphed = fake or edited (morphed) intimate images
case-incident-stalking = stalking or harassment online
case-incident-other = online abuse involving private images

## Complaint text (first person: the person pastes it as their own)
complaint-opening-shared = Intimate images of me have been shared online without my consent. I never agreed to them being shared.
complaint-opening-sextortion = I am being blackmailed online: someone is threatening to share intimate images of me unless I pay or do what they ask. I have not agreed to any of this.
complaint-opening-hidden-camera = I was filmed or photographed secretly, without my knowledge or consent, and the images may be shared online.
complaint-opening-morphed = Fake, edited (morphed) intimate images of me have been made and shared online without my consent.
complaint-opening-stalking = I am being stalked and harassed online, repeatedly, after making clear I do not want contact.
complaint-opening-other = I am facing online abuse involving private images of me, without my consent.
complaint-minor = I am under 18.
complaint-was-minor = I was under 18 when these images were taken.
complaint-platforms = It happened on: { $platforms }.
complaint-timeline = What happened, and when:
complaint-links = Links to the content or the accounts:
complaint-handles = Accounts involved:
complaint-money = Money demanded, and where they asked for it to be paid:
complaint-files = { $count ->
    [one] I have kept 1 file as evidence; its SHA-256 fingerprint is in my report, and I can provide the file.
   *[other] I have kept { $count } files as evidence; their SHA-256 fingerprints are in my report, and I can provide the files.
}
complaint-more = and { $count } more, listed in my report
complaint-act = { $act }, { $count ->
    [one] section
   *[other] sections
} { $sections }
complaint-laws = This may be an offence under: { $laws }.
complaint-where = I am reporting this through: { $routes }.
complaint-request = I request that the content be removed, that the accounts responsible be identified and stopped, and that action be taken. I have kept the evidence listed above and can provide it.
complaint-request-unlisted = I request that the content be removed, that the accounts responsible be identified and stopped, and that action be taken. I have kept evidence and can provide it.
complaint-request-minor = I request that the content be removed at once, that the accounts responsible be identified and stopped, and that action be taken to protect me. I have not kept any images; I can provide the links and messages.

## Letters and forms (/letters)
letters-intro = ✉️ Letters and forms. Each one is drafted from your evidence log when you open it: copy it, check it, and send it yourself.
letters-complaint = ✉️ Complaint to { $platform }
letters-sent-line = { $platform }: complaint sent { $ago }
letters-appeal-line = { $platform }: appeal sent { $ago }
letters-due = It has been a day or more since you complained to { $platform }. Did it come down?
letters-gone = ✓ It came down ({ $platform })
letters-still-up = ✗ It's still there
letters-none = Add the link to the post to your evidence log, or choose where it happened, and a complaint to that platform will appear here.
letters-money = 💸 1930 money pack
letters-certificate = 📜 Section 63 certificate (in your report)
letters-private = 🔒 None of these is kept. Only “✓ I sent it” goes in your log, with the platform and the time.
letters-shows-question = What does the content on { $platform } show? Tap all that apply, then make the complaint.
letters-shows-why = The platform needs to know what kind of content it is. You don't have to describe it in your own words.
letters-show-toggle = { $checked ->
    [yes] ✓ { $name }
   *[no] { $name }
}
letters-make = Make the complaint →
letters-complaint-ready = Your complaint to { $platform } is in the messages below: in your language, and in English for the platform. One tap copies it.
letters-in-app-first = First, report the post in the app itself (⋮ or ••• → Report → nudity or sexual content).
letters-channel = Then send this complaint to { $platform }'s grievance officer for India. { $how } { $contact }
letters-no-channel = No India grievance contact for { $platform } was found in our sources. { $how }
letters-no-personal = The complaint has no name, phone number or e-mail in it. Add only what the form asks for.
letters-sent = ✓ I sent it
letters-sent-appeal = ✓ I sent the appeal
letters-appeal-ready = If { $platform } didn't remove it, or said no, you can appeal. The appeal is in the messages below.
letters-appeal-how = Appeals go to the Grievance Appellate Committee online, at gac.gov.in, within 30 days of the platform's decision. The Committee tries to decide within 30 days, and the platform must follow its order. You can still go to court.
letters-appeal-police = You can also report it as a crime on cybercrime.gov.in: see Reporting in the ☰ menu.
letters-money-ready = Your 1930 money pack is in the next message: every amount, account and reference in your log, to read out on 1930 or paste into cybercrime.gov.in.
letters-money-now = Call 1930 as soon as you can, keep the transaction screenshots, and don't pay any more.
letter-show-nudity = nudity
letter-show-sexual-act = a sexual act
letter-show-private-parts = private parts
letter-show-morphed = a morphed or fake image
letter-complaint-title = Complaint under Rule 3(2)(b) of the Information Technology (Intermediary Guidelines and Digital Media Ethics Code) Rules, 2021
letter-to = To: the Grievance Officer, { $platform }
letter-who = { $who ->
    [helper] I am writing on behalf of the person shown in the content below.
   *[self] I am the person shown in the content below.
}
letter-links-heading = Where it is:
letter-links-missing = [add the link to the post or profile here]
letter-shows = The content shows { $shows }.
letter-shows-intimate = It is intimate content of the person shown.
letter-no-consent = { $who ->
    [helper] It was shared without her consent.
   *[self] It was shared without my consent.
}
letter-request = I request that you remove this content or disable access to it within the time the Rules set, and that you keep the records of this content and of the accounts that posted it, for the police.
letter-details = I will give the further details your complaint form asks for.
letter-appeal-title = Appeal to the Grievance Appellate Committee under Rule 3A of the Information Technology (Intermediary Guidelines and Digital Media Ethics Code) Rules, 2021
letter-appeal-complained = I complained to the Grievance Officer of { $platform } under Rule 3(2)(b) on { $when }.
letter-date-missing = [the date of the complaint]
letter-appeal-not-removed = { $who ->
    [helper] The content, which is intimate content of the person I am helping and was shared without her consent, has not been removed, or the platform refused to remove it.
   *[self] The content, which is intimate content of me shared without my consent, has not been removed, or the platform refused to remove it.
}
letter-appeal-request = I ask the Committee to direct { $platform } to remove this content or disable access to it, and to keep its records for the police.
grievance-instagram = Meta names an India Grievance Officer on its Help Centre, but the contact could not be confirmed: use the Help Centre's own report forms.
grievance-instagram-asks = The form will ask how to reach you, such as an e-mail address. Give only what it asks for.
grievance-facebook = Meta names an India Grievance Officer on its Help Centre, but the contact could not be confirmed: use the Help Centre's own report forms.
grievance-facebook-asks = The form will ask how to reach you, such as an e-mail address. Give only what it asks for.
grievance-whatsapp = By e-mail or by post:
grievance-whatsapp-asks = WhatsApp asks that the e-mail be signed with an electronic signature and give your phone number in full international form (for example +91…). This is the one place your number is asked for.
grievance-telegram = Use Telegram's own report: the takedown screens for Telegram show how.
grievance-telegram-asks = Give only what the report asks for.
grievance-x = By e-mail or by post to X's Resident Grievance Officer for India; X says its help forms are faster:
grievance-x-asks = The form or reply will ask how to reach you, such as an e-mail address. Give only what it asks for.
grievance-snapchat = Use Snapchat's in-app Report (press and hold the snap or chat → Report).
grievance-snapchat-asks = Give only what the report asks for.
grievance-youtube = Google's India grievance page sends YouTube complaints to the YouTube Help Centre: use its report and privacy forms there.
grievance-youtube-asks = The form will ask how to reach you, such as an e-mail address. Give only what it asks for.
grievance-google = Google's India grievance page says to use its legal removal forms (e-mail, fax or post is slower):
grievance-google-asks = The form will ask how to reach you, such as an e-mail address. Give only what it asks for.
grievance-adult-site = For Pornhub and other Aylo sites, use Aylo's content removal request (on the takedown screens). On other sites, look for “report” or “content removal”.
grievance-adult-site-asks = Give only what the form asks for.
grievance-other = Every platform working in India must publish a Grievance Officer and how to complain: look for “Grievance Officer” or “India” in its help pages.
grievance-other-asks = Give only what the form asks for.
