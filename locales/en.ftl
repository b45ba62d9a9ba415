## Not Your Fault — English.
## Grouped by screen. Plain words, short lines, never blame. Numbers and links come from flows/.

## Commands (descriptions shown in Telegram's menu)
command-start = Start or see where you were
command-help = What this bot can do
command-helplines = Helplines and crisis numbers
command-language = Change language
command-privacy = What we keep and what we don't
command-restart = Start over from the beginning
command-exit = Quick exit: clear this chat
command-forget = Erase everything kept for this chat

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

## Notices shown above a screen
notice-welcome-back = Welcome back. Here is where you were.
notice-lost-session = I couldn't pick up where we were, and that's okay. Let's pick up from here.
notice-stale-button = That button was from an earlier message. Let's pick up from here.
notice-not-understood = I can only follow the buttons here, and I don't keep what you type. Please use the buttons below. If you are in danger, tap 🆘 Helplines or send /helplines.
notice-unsupported = Please don't send photos, files or voice messages here. I can't use them and I don't keep them. The buttons below will guide you.
notice-saving-paused = I can't reach or save your progress right now, but I'm still here. Helplines work as usual.
notice-forget-failed = I couldn't erase everything just now. Please send /forget again in a minute.
notice-trouble = Something didn't work on my side, and it's not you. Send /start to carry on. If you need help now: /helplines
notice-slow-down = That's a lot of messages very quickly, so I'll pause for a few seconds. Nothing is lost. If you need help right now: Tele-MANAS 14416, emergency 112.

## Welcome
welcome-title = You are not alone, and this is not your fault.
welcome-body =
    I can help you, step by step and at your pace:
    • keep proof of what happened, before anything disappears
    • get the content taken down
    • report it, if and when you want to
    • find people who can help and listen
welcome-privacy = 🔒 I don't keep your name or number. /exit clears this chat. /forget erases everything.
welcome-begin = Let's begin

## Safety
safety-question = First: are you safe right now?
safety-yes = Yes, I'm safe right now
safety-no = No, I'm not safe
safety-hurt = I'm thinking of hurting myself

## Crisis
crisis-intro = Thank you for telling me. You matter, and you deserve help right now. Please reach one of these now — it's free:
crisis-stay = If you can, be near someone you trust, or call them. You don't have to explain everything. When you feel ready, we can carry on.
crisis-resume = I'm safe now, continue

## What happened
incident-question = What happened? Choose what fits best. You can change it later.
age-question = Are you under 18?
age-why = I ask only because it changes which services can help you, and how to keep proof safely.
age-minor = Yes, I'm under 18
age-adult = No, I'm 18 or older
age-rather-not = I'd rather not say
platforms-question = Where is it happening, or where was it shared? Tap all that apply, then tap “That's all”.
platform-toggle = { $checked ->
    [yes] ✓ { $name }
   *[no] { $name }
}
country-question = Which country are you in? This is only to show the right helplines.

## Reassurance
reassure-minor = Because you are under 18, the law protects you even more strongly. Please don't save, screenshot or send the image to anyone, not even as proof. Keep the link instead. A trusted adult can help you with the next steps.
reassure-next = Next, let's keep proof of what happened, one small step at a time. You can skip any step.

## Evidence
evidence-progress = Step { $current } of { $total }
evidence-minor-caution = If you were under 18 in the image, don't save or screenshot the image itself. Note the link instead.

## Takedown
takedown-progress = Getting it taken down — { $current } of { $total }

## Reporting
reporting-intro = Reporting is your choice. You can do it now, later, or not at all. Here is where you can report:
reporting-minor = Because you are under 18, please tell a trusted adult. You can also call Childline 1098. Never send the image itself to anyone; give the link.
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
} and marked { $done } of { $total } evidence steps done.
closing-selfcare = Be gentle with yourself. Eat something, drink water, rest. Try not to re-read what you saved; it is safe where it is.
closing-comeback = Come back any time: send /start and I'll show you where you were. /menu is always here too.

## Helplines
helplines-report-heading = To report it:
helplines-intro = Helplines for { $country }. All are free to call:
helplines-change-country = Wrong country? Open ☰ Menu → What happened to change it.

## Privacy
privacy-body =
    🔒 What I keep, and what I don't
    • I never store your name, username, phone number or Telegram id.
    • Your progress is saved under a code that can't be turned back into your account, and it is encrypted.
    • I don't keep what you type.
    • It is deleted by itself after a few days of silence.
    • /exit clears this chat now. /forget erases everything I kept.
    The services I point you to are separate. Each one says what it will ask of you.

## Help
help-body =
    I'm here to help you keep proof, get content taken down, report it and find support.
    /start — begin, or see where you were
    /helplines — helplines and crisis numbers
    /language — English or हिन्दी
    /privacy — what I keep
    /restart — start over
    /exit — quick exit: clear this chat
    /forget — erase everything

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

## Forget
forget-question = Erase everything kept for this chat? Your progress will be gone and you will start again. This can't be undone.
forget-yes = Yes, erase everything
forget-no = No, keep it
forgotten-done = Done. Everything kept for this chat has been erased. You can start again any time with /start.

## Quick exit
exit-done = Chat cleared.
exit-limits = I removed what Telegram lets me remove. Messages older than 48 hours, and this chat in your list, stay: long-press the chat and choose Delete to remove it too.

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

incident-shared = My images were shared
incident-sextortion = I'm being blackmailed
incident-hidden-camera = I was filmed secretly
incident-morphed = Fake or edited images of me
incident-stalking = Stalked or harassed online
incident-other = Something else

reassure-shared =
    What happened is not your fault. The person who shared it without your consent did wrong, not you.
    Content like this can be taken down, and we'll go one step at a time.
reassure-sextortion =
    This is not your fault, and you are not alone. Please don't pay and don't send anything more: demands usually grow.
    Stop replying, but keep the chat, because it is evidence.
    Anyone who later asks for money to "settle" it, even someone saying they are police, is part of the same scam.
reassure-hidden-camera =
    Being filmed without knowing is not your fault. The law treats it as a crime.
    You did nothing wrong by being in a private place. We'll look at what can be done, one step at a time.
reassure-morphed =
    A fake or edited image is still abuse, and it is not your fault.
    In India, platforms must take down morphed intimate images within 24 hours of a complaint. We'll go through how.
reassure-stalking =
    Being watched, followed or harassed online is not your fault. Feeling that nowhere is safe is a normal reaction.
    Keep what they send you: it helps to stop them.
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

evidence-report-link =
    Report the post or account using its link, in the app or through Take It Down.
    Don't download, screenshot or forward the picture, even to prove it.
evidence-report-link-why =
    Pictures of anyone under 18 are taken very seriously by platforms and police.
    The law forbids anyone to keep or forward them, so keep only the link. That is enough.

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
    Anyone can send one, not only the person shown. If you were under 18 in it, it also has to go to NCMEC.

route-stopncii = StopNCII.org: stop it spreading
route-stopncii-how =
    StopNCII makes a digital fingerprint (hash) of the image on your own device, and partner platforms such as Facebook, Instagram, Snapchat, Reddit and Pornhub block matches.
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

route-ncrp-women-child = cybercrime.gov.in: report anonymously
route-ncrp-women-child-how =
    Choose "Report Women/Child Related Crime", then "Report Anonymously", and pick the state where it happened.
    This section is for sexual material involving children and rape videos; other cases may need "Report and Track".
route-ncrp-women-child-asks =
    Anonymous: no name or phone number, but fill in the details fully. A complaint here can't be withdrawn later.

route-ncrp-report-track = cybercrime.gov.in: report and track
route-ncrp-report-track-how =
    Choose "Report and Track" (or "Report Other Cyber Crime"), register, and file your complaint with your links and screenshots.
    Keep the complaint number to check its status.
route-ncrp-report-track-asks =
    Not anonymous: an Indian mobile number for an OTP (valid 30 minutes), and your name, phone and email.
    An "Other Cyber Crime" complaint can be withdrawn until it becomes an FIR.

route-call-1930 = National cyber crime helpline
route-call-1930-how =
    Call if you can't or don't want to report online, or if money was taken: a fast call helps freeze it.
    You'll get an SMS link; finish the complaint on the portal within 24 hours.
route-call-1930-asks =
    Not anonymous: you call from your phone and complete the complaint in your name.

route-police-station = Police station or cyber police
route-police-station-how =
    Go to the nearest police station or your state's cyber police. You can ask for a Zero FIR, which any station can register wherever it happened, or file an e-FIR.
    Take your evidence notes.
route-police-station-asks =
    Not anonymous: you give your name and details. If you want legal action, think about going before you report or delete anything.

route-one-stop-centre = One Stop Centre (Sakhi)
route-one-stop-centre-how =
    A centre for women that can help you file a cyber crime complaint and give legal aid and counselling.
    The women's helpline 181 can refer you to the nearest one.
route-one-stop-centre-asks =
    Not anonymous: you go in person, so they will know who you are.

route-grievance-officer = The platform's Grievance Officer (India)
route-grievance-officer-how =
    Every platform must publish its Grievance Officer's contact details.
    The platform must act within 24 hours on a complaint about intimate, nude or morphed images of you, and resolve complaints within 15 days.
route-grievance-officer-asks =
    Usually your name and a way to reply to you. Someone you trust can complain on your behalf.

route-gac-appeal = Grievance Appellate Committee (GAC)
route-gac-appeal-how =
    If the Grievance Officer's answer doesn't help, you can appeal online within 30 days. The committee's decision binds the platform.
route-gac-appeal-asks =
    Not anonymous: an appeal in your own name, made online.

## Reporting routes: other countries

route-pk-fia-cyber = FIA Cyber Crime Wing (Pakistan)
route-pk-fia-cyber-how =
    Criminal complaints about online abuse go to the FIA's cyber crime wing. The DRF Cyber Harassment Helpline can help you prepare.
route-pk-fia-cyber-asks =
    Not anonymous: a criminal complaint is made in your name.

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

route-ca-cybertip = Cybertip.ca (Canada)
route-ca-cybertip-how =
    Report intimate images shared without permission. For step-by-step removal help, see NeedHelpNow.ca.
route-ca-cybertip-asks =
    Expect to be asked what happened and where it is online.

route-au-esafety = eSafety Commissioner (Australia)
route-au-esafety-how =
    Report intimate images shared or threatened, at any age. eSafety can help remove them and may act against the poster.
    You, the poster or the website must be in Australia.
route-au-esafety-asks =
    You can report without giving your name, for example with a separate email address.

## Lines

line-in-112 = Emergency: police, fire, ambulance
line-in-112-about = For immediate danger, anywhere in India.
line-in-tele-manas = Tele-MANAS (mental health)
line-in-tele-manas-about = Free, 24/7, in 20 languages: talk to a counsellor about how you feel. Also on 1-800-891-4416.
line-in-women-181 = Women Helpline
line-in-women-181-about = 24/7 for women; links you to police, One Stop Centres, hospitals and legal help. Not run in West Bengal.
line-in-ncw = National Commission for Women helpline
line-in-ncw-about = 24/7 for women, with referrals to police, legal and counselling help. Also on the toll-free short code 14490. NCW does not accept anonymous written complaints.
line-in-cyber-1930 = National cyber crime helpline
line-in-cyber-1930-about = 24/7. Mainly for money taken online; it can also help you report a cyber crime.
line-in-childline = Childline
line-in-childline-about = 24/7 help for children and young people under 18.
line-pk-drf = DRF Cyber Harassment Helpline (Pakistan)
line-pk-drf-about = Toll-free, 9am to 5pm, 7 days a week. Legal, digital-safety and emotional help; calls are not recorded.
line-bd-999 = National emergency (Bangladesh)
line-bd-999-about = For immediate danger.
line-bd-109 = Helpline for women and children (Bangladesh)
line-bd-109-about = Toll-free, 24/7, for violence against women and children.
line-np-100 = Nepal Police
line-np-100-about = Police hotline, also for gender-based violence.
line-np-104 = Nepal Police: children
line-np-104-about = The police number for children.
line-gb-rph = Revenge Porn Helpline (UK)
line-gb-rph-about = For adults in the UK. 10:00 to 16:00, Monday to Friday, not bank holidays; you can ask for a callback.
line-us-988 = Crisis line (US)
line-us-988-about = Call or text if you are struggling or thinking about ending your life.
line-us-ccri = CCRI Image Abuse Helpline (US)
line-us-ccri-about = 24/7, for intimate images shared without consent, sextortion and deepfakes.
line-ca-cybertip = Cybertip.ca (Canada)
line-ca-cybertip-about = Canada's tipline, including for intimate images shared without permission.
line-au-000 = Triple Zero (Australia)
line-au-000-about = For immediate danger.
line-findahelpline = Find a Helpline
line-findahelpline-about = Free crisis lines in your country, answered by people, not bots. Choose your country there.
line-rph-outside-uk = Help outside the UK
line-rph-outside-uk-about = The Revenge Porn Helpline's list of services for people in other countries.

## Laws (India)

law-it-66e = IT Act section 66E: capturing, publishing or sending an image of someone's private parts without consent, where they expected privacy. Up to 3 years in prison or a fine up to ₹2 lakh, or both. It applies whatever your gender.
law-it-67 = IT Act section 67: publishing or sending obscene material electronically. Up to 3 years and a fine up to ₹5 lakh; up to 5 years and ₹10 lakh for a repeat offence.
law-it-67a = IT Act section 67A: publishing or sending sexually explicit material electronically. Up to 5 years and a fine up to ₹10 lakh; up to 7 years for a repeat offence.
law-it-67b = IT Act section 67B: creating, seeking, downloading, sharing or publishing sexual material showing anyone under 18. Up to 5 years and a fine up to ₹10 lakh; up to 7 years for a repeat offence. Never download or forward such images, even as proof.
law-it-66c = IT Act section 66C: dishonestly using someone's password or other identity details, for example to get into their account. Up to 3 years and a fine up to ₹1 lakh.
law-it-66d = IT Act section 66D: cheating by pretending to be someone else using a computer or phone. Up to 3 years and a fine.
law-bns-77 = BNS section 77 (voyeurism): watching, filming or sharing images of a woman in a private act. Agreeing to a photo is not agreeing to it being shared. 1 to 3 years for a first offence, 3 to 7 years after that, plus a fine.
law-bns-78 = BNS section 78 (stalking): repeatedly contacting a woman who has made clear she is not interested, or monitoring her internet, email or messages. Up to 3 years and a fine; up to 5 years for a repeat offence.
law-bns-79 = BNS section 79: words, gestures or acts meant to insult a woman's modesty, or intruding on her privacy. Up to 3 years and a fine.
law-bns-351 = BNS section 351 (criminal intimidation): threatening someone with harm. Up to 2 years, a fine, or both; up to 7 years for serious threats, such as a threat to damage a woman's reputation sexually; up to 2 more years if the threat is anonymous.
law-bns-308 = BNS section 308 (extortion): making someone hand over money or property by putting them in fear, including by online messages. Up to 7 years, a fine, or both.
