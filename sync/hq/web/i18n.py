"""The dashboard's message catalogue: English text -> Khmer. Templates call ``_("English text")``; a text missing
here shows in English (a test checks every text the templates and pages use has its Khmer)."""

from __future__ import annotations

from typing import Final

__all__ = ["KHMER", "LANGUAGES", "translate"]

LANGUAGES: Final = {"en": "English", "km": "ខ្មែរ"}

KHMER: Final[dict[str, str]] = {
    "Checkpoint HQ": "ទីស្នាក់ការកណ្តាល Checkpoint",
    "Sign in": "ចូល",
    "Sign out": "ចាកចេញ",
    "User name": "ឈ្មោះអ្នកប្រើ",
    "Passphrase": "ឃ្លាសម្ងាត់",
    "Code from the authenticator app": "លេខកូដពីកម្មវិធីផ្ទៀងផ្ទាត់",
    "Overview": "ទិដ្ឋភាពទូទៅ",
    "Sync health": "ស្ថានភាពធ្វើសមកាលកម្ម",
    "Quarantine": "ព្រឹត្តិការណ៍ដាក់ដាច់ដោយឡែក",
    "Held gaps": "ចន្លោះដែលកំពុងរង់ចាំ",
    "Conflicts": "ការប៉ះទង្គិចទិន្នន័យ",
    "Accounts": "គណនី",
    "Arrivals": "ការមកដល់",
    "Trafficking screening and referrals": "ការពិនិត្យការជួញដូរមនុស្ស និងការបញ្ជូនបន្ត",
    "TB cascade": "ដំណាក់កាលជំងឺរបេង",
    "Assistance": "ជំនួយ",
    "NEA registrations": "ការចុះឈ្មោះ NEA",
    "Technical counts of what HQ received. The reports below give the figures by checkpoint and period.":
        "ចំនួនបច្ចេកទេសនៃអ្វីដែលទីស្នាក់ការកណ្តាលបានទទួល។ របាយការណ៍ខាងក្រោមផ្តល់តួលេខតាមច្រកត្រួតពិនិត្យ និងរយៈពេល។",
    "Persons registered": "មនុស្សដែលបានចុះឈ្មោះ",
    "Events received": "ព្រឹត្តិការណ៍ដែលបានទទួល",
    "Checkpoints": "ច្រកត្រួតពិនិត្យ",
    "Checkpoint": "ច្រកត្រួតពិនិត្យ",
    "Devices": "ឧបករណ៍",
    "Device": "ឧបករណ៍",
    "Quarantined events": "ព្រឹត្តិការណ៍ដែលដាក់ដាច់ដោយឡែក",
    "Held events": "ព្រឹត្តិការណ៍ដែលកំពុងរង់ចាំ",
    "Events received by HQ per day (last 14 days)":
        "ព្រឹត្តិការណ៍ដែលទីស្នាក់ការកណ្តាលបានទទួលក្នុងមួយថ្ងៃ (១៤ ថ្ងៃចុងក្រោយ)",
    "Status": "ស្ថានភាព",
    "Last seen": "ឃើញចុងក្រោយ",
    "Events received in order": "ព្រឹត្តិការណ៍ដែលបានទទួលតាមលំដាប់",
    "Held (waiting for a gap)": "កំពុងរង់ចាំ (ខ្វះចន្លោះ)",
    "Quarantined (open)": "ដាក់ដាច់ដោយឡែក (មិនទាន់សម្រេច)",
    "Reason": "មូលហេតុ",
    "Revoke": "ដកហូតសិទ្ធិ",
    "No devices enrolled.": "មិនទាន់មានឧបករណ៍ចុះឈ្មោះទេ។",
    "never": "មិនដែល",
    "active": "សកម្ម",
    "revoked": "បានដកហូតសិទ្ធិ",
    "locked": "បានចាក់សោ",
    "open": "មិនទាន់សម្រេច",
    "rejected": "បានបដិសេធ",
    "Month": "ខែ",
    "No checkpoints yet.": "មិនទាន់មានច្រកត្រួតពិនិត្យទេ។",
    "Show": "បង្ហាញ",
    "Total": "សរុប",
    "Registration events received in the period": "ព្រឹត្តិការណ៍ចុះឈ្មោះដែលបានទទួលក្នុងរយៈពេលនេះ",
    "Records of this kind held by HQ (all periods)":
        "កំណត់ត្រាប្រភេទនេះដែលទីស្នាក់ការកណ្តាលរក្សាទុក (គ្រប់រយៈពេល)",
    "Technical counts of what HQ received, not this report's indicators: the disaggregated report arrives with "
    "HQ's reports (issue 15).":
        "ចំនួនបច្ចេកទេសនៃអ្វីដែលទីស្នាក់ការកណ្តាលបានទទួល មិនមែនជាសូចនាករនៃរបាយការណ៍នេះទេ៖ "
        "របាយការណ៍លម្អិតនឹងមកជាមួយរបាយការណ៍របស់ទីស្នាក់ការកណ្តាល (បញ្ហាទី ១៥)។",
    "Events HQ set aside, with the reason. Rejecting one keeps it for audit and closes it.":
        "ព្រឹត្តិការណ៍ដែលទីស្នាក់ការកណ្តាលបានដាក់ដាច់ដោយឡែក ព្រមទាំងមូលហេតុ។ "
        "ការបដិសេធរក្សាវាទុកសម្រាប់សវនកម្ម ហើយបិទវា។",
    "Received": "បានទទួល",
    "Sequence": "លេខលំដាប់",
    "SHA-256": "SHA-256",
    "Decision": "សេចក្តីសម្រេច",
    "Open": "បើក",
    "Reject": "បដិសេធ",
    "Nothing in quarantine.": "គ្មានអ្វីដាក់ដាច់ដោយឡែកទេ។",
    "Quarantined event": "ព្រឹត្តិការណ៍ដែលដាក់ដាច់ដោយឡែក",
    "This view is logged.": "ការមើលនេះត្រូវបានកត់ត្រាទុក។",
    "Event": "ព្រឹត្តិការណ៍",
    "As received": "ដូចដែលបានទទួល",
    "Events kept but not applied until the missing ones of the same device arrive. The device sends them at its "
    "next sync; a lost laptop's gap stays open.":
        "ព្រឹត្តិការណ៍ដែលរក្សាទុក តែមិនទាន់អនុវត្ត រហូតដល់ព្រឹត្តិការណ៍ដែលខ្វះពីឧបករណ៍ដដែលមកដល់។ "
        "ឧបករណ៍ផ្ញើវានៅពេលធ្វើសមកាលកម្មលើកក្រោយ។ ចន្លោះនៃកុំព្យូទ័រដែលបាត់នៅតែបើក។",
    "Missing events": "ព្រឹត្តិការណ៍ដែលខ្វះ",
    "No gaps: every device's events arrived in order.": "គ្មានចន្លោះទេ៖ ព្រឹត្តិការណ៍របស់ឧបករណ៍នីមួយៗបានមកដល់តាមលំដាប់។",
    "Events that arrived with an id HQ already holds but other content. HQ kept the first.":
        "ព្រឹត្តិការណ៍ដែលមកដល់ជាមួយលេខសម្គាល់ដែលទីស្នាក់ការកណ្តាលមានរួចហើយ តែខ្លឹមសារខុសគ្នា។ "
        "ទីស្នាក់ការកណ្តាលរក្សាទុកលើកទីមួយ។",
    "Kept": "បានរក្សាទុក",
    "No conflicts.": "គ្មានការប៉ះទង្គិចទេ។",
    "Record": "កំណត់ត្រា",
    "Account created. Add it to the authenticator app now: this is shown only once.":
        "បានបង្កើតគណនី។ បញ្ចូលវាទៅក្នុងកម្មវិធីផ្ទៀងផ្ទាត់ឥឡូវនេះ៖ វាបង្ហាញតែម្តងប៉ុណ្ណោះ។",
    "Secret": "លេខសម្ងាត់",
    "Name": "ឈ្មោះ",
    "Role": "តួនាទី",
    "Last sign-in": "ចូលចុងក្រោយ",
    "Lock": "ចាក់សោ",
    "Unlock": "ដោះសោ",
    "New account": "គណនីថ្មី",
    "Organisation (partners)": "អង្គការ (ដៃគូ)",
    "Create": "បង្កើត",
    "Referrals": "ការបញ្ជូនបន្ត",
    "Partner pages (referrals addressed to your organisation) are not available yet.":
        "ទំព័រដៃគូ (ការបញ្ជូនបន្តទៅអង្គការរបស់អ្នក) មិនទាន់មាននៅឡើយទេ។",
    "Analyst": "អ្នកវិភាគ",
    "Data manager": "អ្នកគ្រប់គ្រងទិន្នន័យ",
    "HQ admin": "អ្នកគ្រប់គ្រងទីស្នាក់ការកណ្តាល",
    "Partner": "ដៃគូ",
    "Not allowed": "មិនអនុញ្ញាត",
    "Your role does not allow this page.": "តួនាទីរបស់អ្នកមិនអនុញ្ញាតឱ្យមើលទំព័រនេះទេ។",
    "Refused": "បានបដិសេធ",
    "This form has expired or did not come from this dashboard. Reload the page and try again.":
        "ទម្រង់នេះផុតកំណត់ ឬមិនមែនមកពីផ្ទាំងគ្រប់គ្រងនេះទេ។ សូមផ្ទុកទំព័រឡើងវិញ ហើយព្យាយាមម្តងទៀត។",
    "Not found": "រកមិនឃើញ",
    "There is no such report.": "គ្មានរបាយការណ៍បែបនេះទេ។",
    "Not done": "មិនបានធ្វើ",
    "You cannot lock your own account.": "អ្នកមិនអាចចាក់សោគណនីផ្ទាល់ខ្លួនបានទេ។",
    "This form has expired. Please sign in again.": "ទម្រង់នេះផុតកំណត់ហើយ។ សូមចូលម្តងទៀត។",
    "Too many sign-in attempts from this computer: wait a minute and try again.":
        "ការព្យាយាមចូលច្រើនពេកពីកុំព្យូទ័រនេះ៖ សូមរង់ចាំមួយនាទី ហើយព្យាយាមម្តងទៀត។",
    "Sign-in refused: the user name, passphrase or code is wrong, or the account is locked.":
        "ការចូលត្រូវបានបដិសេធ៖ ឈ្មោះអ្នកប្រើ ឃ្លាសម្ងាត់ ឬលេខកូដមិនត្រឹមត្រូវ ឬគណនីត្រូវបានចាក់សោ។",
    "There is no such page.": "គ្មានទំព័របែបនេះទេ។",
    "HQ keys": "កូនសោរបស់ទីស្នាក់ការកណ្តាល",
    "Signing key": "កូនសោចុះហត្ថលេខា",
    "Exchange key": "កូនសោប្តូរ",
    "Keys are created and rotated with checkpoint-hq on the server, never from this page.":
        "កូនសោត្រូវបានបង្កើត និងផ្លាស់ប្តូរដោយ checkpoint-hq នៅលើម៉ាស៊ីនមេ មិនមែនពីទំព័រនេះទេ។",
    # the referral network (#16)
    "This slip is valid, but HQ has not received this referral yet: ask the checkpoint to sync, then check the "
    "slip again.":
        "ប័ណ្ណនេះមានសុពលភាព ប៉ុន្តែទីស្នាក់ការកណ្តាលមិនទាន់បានទទួលការបញ្ជូនបន្តនេះនៅឡើយទេ៖ "
        "សូមស្នើឱ្យច្រកត្រួតពិនិត្យធ្វើសមកាលកម្ម រួចពិនិត្យប័ណ្ណម្តងទៀត។",
    "Active": "សកម្ម",
    "Age": "អាយុ",
    "Assessed": "បានវាយតម្លៃ",
    "Assistance completed": "ជំនួយបានបញ្ចប់",
    "Assistance given": "បានផ្តល់ជំនួយ",
    "Check": "ពិនិត្យ",
    "Check a referral slip": "ពិនិត្យប័ណ្ណបញ្ជូនបន្ត",
    "Closed": "បានបិទ",
    "Code": "លេខកូដ",
    "Contact agreed by the person": "ទំនាក់ទំនងដែលសាមីខ្លួនបានយល់ព្រម",
    "Contact lost": "បាត់ទំនាក់ទំនង",
    "Did not arrive": "មិនបានមកដល់",
    "Every change is a new version, signed into the reference data the checkpoints' devices apply. "
    "Nothing is deleted: to withdraw an organisation, give it an end date.":
        "ការផ្លាស់ប្តូរនីមួយៗគឺជាកំណែថ្មី "
        "ដែលត្រូវបានចុះហត្ថលេខាចូលក្នុងទិន្នន័យយោងដែលឧបករណ៍នៃច្រកត្រួតពិនិត្យអនុវត្ត។ "
        "គ្មានអ្វីត្រូវបានលុបទេ៖ ដើម្បីដកអង្គការមួយចេញ សូមដាក់កាលបរិច្ឆេទបញ្ចប់ឱ្យវា។",
    "Family tracing": "ការស្វែងរកក្រុមគ្រួសារ",
    "Follow-up": "ការតាមដាន",
    "Import": "នាំចូល",
    "Import a CSV": "នាំចូលឯកសារ CSV",
    "Imported": "បាននាំចូល",
    "In shelter": "នៅក្នុងទីជម្រក",
    "Kind": "ប្រភេទ",
    "New": "ថ្មី",
    "No referrals are addressed to your organisation.": "មិនមានការបញ្ជូនបន្តណាមួយផ្ញើមកអង្គការរបស់អ្នកទេ។",
    "Only referrals addressed to your organisation are shown, with what you need to receive the person.":
        "មានតែការបញ្ជូនបន្តដែលផ្ញើមកអង្គការរបស់អ្នកប៉ុណ្ណោះដែលត្រូវបានបង្ហាញ "
        "ជាមួយព័ត៌មានដែលអ្នកត្រូវការដើម្បីទទួលសាមីខ្លួន។",
    "Other": "ផ្សេងទៀត",
    "Outcome (when closing)": "លទ្ធផល (ពេលបិទ)",
    "Paste the CSV (UTF-8). Columns": "បិទភ្ជាប់ CSV (UTF-8)។ ជួរឈរ",
    "Person arrived": "សាមីខ្លួនបានមកដល់",
    "Provinces": "ខេត្ត",
    "QR code text": "អត្ថបទកូដ QR",
    "Referral": "ការបញ្ជូនបន្ត",
    "Referral directory": "បញ្ជីឈ្មោះអង្គការទទួលការបញ្ជូនបន្ត",
    "Referral received": "បានទទួលការបញ្ជូនបន្ត",
    "Reintegrated with family or community": "បានធ្វើសមាហរណកម្មជាមួយគ្រួសារ ឬសហគមន៍",
    "Reintegration plan": "ផែនការសមាហរណកម្ម",
    "Scan the QR code on the slip into this box, or type its text. It is checked against the keys of the "
    "checkpoints' devices.":
        "ស្កេនកូដ QR នៅលើប័ណ្ណចូលក្នុងប្រអប់នេះ ឬវាយអត្ថបទរបស់វា។ "
        "វាត្រូវបានពិនិត្យជាមួយកូនសោនៃឧបករណ៍របស់ច្រកត្រួតពិនិត្យ។",
    "Services": "សេវា",
    "Sex": "ភេទ",
    "Slip id": "លេខសម្គាល់ប័ណ្ណ",
    "Stage": "ដំណាក់កាល",
    "The person declined assistance": "សាមីខ្លួនបានបដិសេធជំនួយ",
    "The slip is valid. Check that the person in front of you is this person (name, sex, age) before you "
    "record the arrival.":
        "ប័ណ្ណនេះមានសុពលភាព។ សូមពិនិត្យថាមនុស្សនៅចំពោះមុខអ្នកគឺជាសាមីខ្លួននេះ (ឈ្មោះ ភេទ "
        "អាយុ) មុនពេលកត់ត្រាការមកដល់។",
    "This slip is valid, but the referral is addressed to another organisation.":
        "ប័ណ្ណនេះមានសុពលភាព ប៉ុន្តែការបញ្ជូនបន្តនេះផ្ញើទៅអង្គការផ្សេង។",
    "Transferred to another organisation": "បានផ្ទេរទៅអង្គការផ្សេង",
    "Urgency": "ភាពបន្ទាន់",
    "Version": "កំណែ",
    "added / changed / unchanged": "បានបន្ថែម / បានផ្លាស់ប្តូរ / មិនផ្លាស់ប្តូរ",
}


def translate(text: str, lang: str) -> str:
    """``text`` in ``lang`` (English is the key itself)."""
    if lang == "km":
        return KHMER.get(text, text)
    return text


# The report pages (sync.hq.web.report_source: indicators, dimensions, the filter and suppression texts).
KHMER.update({
    "Persons": "មនុស្ស",
    "Child protection concern": "ការព្រួយបារម្ភអំពីការការពារកុមារ",
    "Screened for trafficking": "បានពិនិត្យការជួញដូរមនុស្ស",
    "Not screened": "មិនបានពិនិត្យ",
    "Trafficking indicators present": "មានសូចនាករនៃការជួញដូរមនុស្ស",
    "Safety-rule referrals": "ការបញ្ជូនបន្តតាមវិធានសុវត្ថិភាព",
    "Referred for protection": "បានបញ្ជូនបន្តដើម្បីការពារ",
    "Referred for child protection": "បានបញ្ជូនបន្តដើម្បីការពារកុមារ",
    "Referred for health": "បានបញ្ជូនបន្តផ្នែកសុខភាព",
    "Screened for TB": "បានពិនិត្យរកជំងឺរបេង",
    "Presumptive TB": "សង្ស័យជំងឺរបេង",
    "Chest X-ray done": "បានថតកាំរស្មីអ៊ិចទ្រូង",
    "Chest X-ray suggestive of TB": "កាំរស្មីអ៊ិចទ្រូងបង្ហាញសញ្ញាជំងឺរបេង",
    "Sputum collected": "បានប្រមូលកំហាក",
    "Xpert test done": "បានធ្វើតេស្ត Xpert",
    "Diagnosed with TB": "បានធ្វើរោគវិនិច្ឆ័យថាមានជំងឺរបេង",
    "Bacteriologically confirmed": "បានបញ្ជាក់ដោយបាក់តេរីវិទ្យា",
    "Clinically diagnosed": "បានធ្វើរោគវិនិច្ឆ័យតាមគ្លីនិក",
    "Rifampicin resistant": "ស៊ាំនឹងថ្នាំរីហ្វាំពីស៊ីន",
    "Treatment started": "បានចាប់ផ្តើមព្យាបាល",
    "Diagnosed, treatment not started": "បានធ្វើរោគវិនិច្ឆ័យ តែមិនទាន់ចាប់ផ្តើមព្យាបាល",
    "Sex": "ភេទ",
    "Men, women, boys and girls": "បុរស ស្ត្រី ក្មេងប្រុស និងក្មេងស្រី",
    "Age group": "ក្រុមអាយុ",
    "Province of destination": "ខេត្តគោលដៅ",
    "District of destination": "ស្រុកគោលដៅ",
    "Country of return": "ប្រទេសដែលត្រឡប់មកពី",
    "Return type": "ប្រភេទនៃការត្រឡប់មកវិញ",
    "Sector": "វិស័យការងារ",
    "Type of exploitation": "ប្រភេទនៃការកេងប្រវ័ញ្ច",
    "Broken down by": "បែងចែកតាម",
    "Small cells": "ក្រឡាតូចៗ",
    "Withheld under 5 (internal)": "លាក់ពេលតិចជាង ៥ (ផ្ទៃក្នុង)",
    "Withheld under 11 (publication)": "លាក់ពេលតិចជាង ១១ (ការបោះពុម្ពផ្សាយ)",
    "Shown (data managers only, not for sharing)": "បង្ហាញ (សម្រាប់អ្នកគ្រប់គ្រងទិន្នន័យតែប៉ុណ្ណោះ មិនត្រូវចែករំលែក)",
    "The reporting facts missed a batch: figures may be low until the facts are rebuilt.":
        "ទិន្នន័យរបាយការណ៍បានខកខានបាច់មួយ៖ តួលេខអាចទាបជាងការពិត រហូតដល់ទិន្នន័យត្រូវបានសាងសង់ឡើងវិញ។",
    "Cells under the threshold are withheld and shown as <k, with one more cell when needed so they cannot be "
    "worked out from the total.":
        "ក្រឡាដែលតិចជាងកម្រិតកំណត់ត្រូវបានលាក់ ហើយបង្ហាញជា <k ព្រមទាំងក្រឡាមួយទៀតពេលចាំបាច់ "
        "ដើម្បីកុំឱ្យគេគណនាវាចេញពីសរុបបាន។",
    "Every figure is shown, even a single person: do not share this page.":
        "តួលេខទាំងអស់ត្រូវបានបង្ហាញ សូម្បីតែមនុស្សម្នាក់៖ កុំចែករំលែកទំព័រនេះ។",
    "Download": "ទាញយក",
    "The TB cascade is broken down by checkpoint, sex and age group only.":
        "ដំណាក់កាលជំងឺរបេងត្រូវបានបែងចែកតាមច្រកត្រួតពិនិត្យ ភេទ និងក្រុមអាយុតែប៉ុណ្ណោះ។",
    "HQ does not compute this report yet: its events do not reach HQ's reporting facts.":
        "ទីស្នាក់ការកណ្តាលមិនទាន់គណនារបាយការណ៍នេះនៅឡើយទេ៖ ព្រឹត្តិការណ៍របស់វាមិនទាន់ចូលទិន្នន័យរបាយការណ៍ទេ។",
})

# The operator pages (issue 15 point 5: sync.hq.web.operator_pages).
KHMER.update({
    "Events HQ set aside, with the reason. Release runs an event through HQ's checks again and takes it in only if "
    "it passes; reject keeps it for audit and never feeds it. An event waiting for its person is released by itself "
    "when the person's registration arrives.":
        "ព្រឹត្តិការណ៍ដែលទីស្នាក់ការកណ្តាលបានដាក់ដាច់ដោយឡែក ព្រមទាំងមូលហេតុ។ ការដោះលែងនឹងពិនិត្យព្រឹត្តិការណ៍ម្តងទៀត "
        "ហើយទទួលយកវាលុះត្រាតែវាឆ្លងកាត់ការពិនិត្យ។ ការបដិសេធរក្សាវាទុកសម្រាប់សវនកម្ម ហើយមិនដែលប្រើវាឡើយ។ "
        "ព្រឹត្តិការណ៍ដែលរង់ចាំមនុស្សរបស់វា នឹងត្រូវដោះលែងដោយខ្លួនឯង នៅពេលការចុះឈ្មោះរបស់មនុស្សនោះមកដល់។",
    "Events kept but not applied until the missing ones of the same device arrive. The device sends them at its next "
    "sync; a lost laptop's gap stays open until you release it: its missing events are then given up and the held "
    "ones applied.":
        "ព្រឹត្តិការណ៍ដែលរក្សាទុក ប៉ុន្តែមិនទាន់អនុវត្ត រហូតដល់ព្រឹត្តិការណ៍ដែលបាត់របស់ឧបករណ៍ដដែលមកដល់។ "
        "ឧបករណ៍នឹងផ្ញើវានៅពេលធ្វើសមកាលកម្មលើកក្រោយ។ ចន្លោះរបស់កុំព្យូទ័រដែលបាត់ នៅតែបើករហូតដល់អ្នកដោះលែងវា៖ "
        "ពេលនោះ ព្រឹត្តិការណ៍ដែលបាត់ត្រូវបោះបង់ ហើយព្រឹត្តិការណ៍ដែលកំពុងរង់ចាំត្រូវបានអនុវត្ត។",
    "Events that arrived with an id HQ already holds but other content. HQ kept the first copy, which every other "
    "checkpoint already has; deciding keeps it and closes the conflict. Conflicting edits of one record on two "
    "laptops are decided on the laptops.":
        "ព្រឹត្តិការណ៍ដែលមកដល់ដោយមានលេខសម្គាល់ដែលទីស្នាក់ការកណ្តាលមានរួចហើយ ប៉ុន្តែខ្លឹមសារខុសគ្នា។ "
        "ទីស្នាក់ការកណ្តាលបានរក្សាច្បាប់ចម្លងដំបូង ដែលច្រកត្រួតពិនិត្យផ្សេងទៀតទាំងអស់មានរួចហើយ។ "
        "ការសម្រេចរក្សាវា ហើយបិទការប៉ះទង្គិចនេះ។ ការកែប្រែផ្ទុយគ្នានៃកំណត់ត្រាមួយនៅលើកុំព្យូទ័រពីរ "
        "ត្រូវសម្រេចនៅលើកុំព្យូទ័រទាំងនោះ។",
    "Give up the missing events": "បោះបង់ព្រឹត្តិការណ៍ដែលបាត់",
    "HQ's copy kept": "បានរក្សាច្បាប់ចម្លងរបស់ទីស្នាក់ការកណ្តាល",
    "Keep HQ's copy": "រក្សាច្បាប់ចម្លងរបស់ទីស្នាក់ការកណ្តាល",
    "Reject for good": "បដិសេធជាស្ថាពរ",
    "Release: check it again": "ដោះលែង៖ ពិនិត្យវាម្តងទៀត",
    "Waiting for": "កំពុងរង់ចាំ",
    "Waiting for its person to reach HQ": "កំពុងរង់ចាំមនុស្សរបស់វាមកដល់ទីស្នាក់ការកណ្តាល",
    "Waiting since": "កំពុងរង់ចាំតាំងពី",
    "all": "ទាំងអស់",
    "released": "បានដោះលែង",
})

# Repeat returnees across checkpoints (#15 point 6: sync.hq.web.match_pages)
KHMER.update({
    "Same person": "មនុស្សតែមួយ",
    "Same person at other checkpoints": "មនុស្សតែមួយនៅច្រកត្រួតពិនិត្យផ្សេងទៀត",
    "Persons registered at different checkpoints who are likely the same person. Open a pair to compare the two "
    "records, then link them (each checkpoint follows the other's record) or dismiss the pair (it is not proposed "
    "again). A person who did not consent to sharing is never proposed.":
        "មនុស្សដែលបានចុះឈ្មោះនៅច្រកត្រួតពិនិត្យផ្សេងគ្នា ដែលទំនងជាមនុស្សតែមួយ។ បើកគូមួយដើម្បីប្រៀបធៀបកំណត់ត្រាទាំងពីរ "
        "បន្ទាប់មកភ្ជាប់វា (ច្រកត្រួតពិនិត្យនីមួយៗតាមដានកំណត់ត្រារបស់ម្ខាងទៀត) ឬបដិសេធគូនោះ (វានឹងមិនត្រូវបានស្នើម្តងទៀតទេ)។ "
        "មនុស្សដែលមិនយល់ព្រមឱ្យចែករំលែក មិនដែលត្រូវបានស្នើឡើយ។",
    "Look for new matches": "ស្វែងរកការផ្គូផ្គងថ្មី",
    "Events examined": "ព្រឹត្តិការណ៍ដែលបានពិនិត្យ",
    "New pairs": "គូថ្មី",
    "Still to examine": "នៅសល់ត្រូវពិនិត្យ",
    "pending": "កំពុងរង់ចាំ",
    "linked": "បានភ្ជាប់",
    "dismissed": "បានបដិសេធ",
    "Score": "ពិន្ទុ",
    "Why": "មូលហេតុ",
    "Found": "បានរកឃើញ",
    "Compare": "ប្រៀបធៀប",
    "No pairs.": "គ្មានគូទេ។",
    "Compare two records": "ប្រៀបធៀបកំណត់ត្រាពីរ",
    "Family name": "នាមត្រកូល",
    "Given names": "នាមខ្លួន",
    "Khmer name": "ឈ្មោះជាអក្សរខ្មែរ",
    "Date of birth": "ថ្ងៃខែឆ្នាំកំណើត",
    "Document": "ឯកសារ",
    "Document number": "លេខឯកសារ",
    "Registered": "បានចុះឈ្មោះ",
    "estimated": "ប៉ាន់ស្មាន",
    "Note": "កំណត់សម្គាល់",
    "Same person: link": "មនុស្សតែមួយ៖ ភ្ជាប់",
    "Not the same person: dismiss": "មិនមែនមនុស្សតែមួយ៖ បដិសេធ",
    "Back to the list": "ត្រឡប់ទៅបញ្ជីវិញ",
    "same passport number": "លេខលិខិតឆ្លងដែនដូចគ្នា",
    "same national ID card number": "លេខអត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរដូចគ្នា",
    "same border pass number": "លេខលិខិតឆ្លងដែនព្រំដែនដូចគ្នា",
    "same document number": "លេខឯកសារដូចគ្នា",
    "same name and date of birth": "ឈ្មោះ និងថ្ងៃខែឆ្នាំកំណើតដូចគ្នា",
    "same Khmer name and date of birth": "ឈ្មោះខ្មែរ និងថ្ងៃខែឆ្នាំកំណើតដូចគ្នា",
    "same Khmer name and year of birth": "ឈ្មោះខ្មែរ និងឆ្នាំកំណើតដូចគ្នា",
})


# Issue 14 point 3: a TB referral's treatment recorded at HQ (sync.hq.web.tb_pages, sync.hq.tb_outcomes).
KHMER.update({
    "TB treatment": "ការព្យាបាលជំងឺរបេង",
    "TB register number": "លេខចុះបញ្ជីជំងឺរបេងថ្នាក់ជាតិ",
    "Treatment started on": "ចាប់ផ្តើមព្យាបាលនៅថ្ងៃ",
    "Treatment facility": "មូលដ្ឋានសុខាភិបាលដែលព្យាបាល",
    "Treatment outcome": "លទ្ធផលនៃការព្យាបាល",
    "Outcome on": "កាលបរិច្ឆេទលទ្ធផល",
    "Referred to": "បានបញ្ជូនទៅ",
    "Referred on": "បានបញ្ជូននៅថ្ងៃ",
    "Back": "ត្រឡប់ក្រោយ",
    "Cured": "ជាសះស្បើយ",
    "Treatment completed": "បានបញ្ចប់ការព្យាបាល",
    "Treatment failed": "ការព្យាបាលបរាជ័យ",
    "Died": "បានស្លាប់",
    "Lost to follow-up": "បាត់ការតាមដាន",
    "Not evaluated": "មិនបានវាយតម្លៃ",
    "TB register number, treatment and outcome": "លេខចុះបញ្ជីជំងឺរបេង ការព្យាបាល និងលទ្ធផល",
    "This referral is closed; nothing more can be recorded on it.":
        "ការបញ្ជូននេះត្រូវបានបិទហើយ មិនអាចកត់ត្រាអ្វីបន្ថែមទៀតបានទេ។",
    "Record a TB referral's register number, treatment start and outcome: give the slip id printed on the "
    "referral slip.": "កត់ត្រាលេខចុះបញ្ជី ការចាប់ផ្តើមព្យាបាល និងលទ្ធផលនៃការបញ្ជូនជំងឺរបេង៖ "
                      "សូមបញ្ចូលលេខសម្គាល់ប័ណ្ណដែលបានបោះពុម្ពលើប័ណ្ណបញ្ជូន។",
    "No TB referral with this id is addressed to your organisation.":
        "គ្មានការបញ្ជូនជំងឺរបេងដែលមានលេខសម្គាល់នេះ ត្រូវបានផ្ញើមកអង្គការរបស់អ្នកទេ។",
    "No TB referral with this id.": "គ្មានការបញ្ជូនជំងឺរបេងដែលមានលេខសម្គាល់នេះទេ។",
    # the reasons a refusal gives (sync.hq.web.tb_pages.REFUSALS)
    "is not a WHO treatment outcome": "មិនមែនជាលទ្ធផលព្យាបាលតាមអង្គការសុខភាពពិភពលោកទេ",
    "record the treatment start before its outcome": "សូមកត់ត្រាការចាប់ផ្តើមព្យាបាលមុនលទ្ធផលរបស់វា",
    "the treatment outcome cannot be dated before the treatment started":
        "កាលបរិច្ឆេទលទ្ធផលព្យាបាល មិនអាចនៅមុនថ្ងៃចាប់ផ្តើមព្យាបាលបានទេ",
    "give the treatment outcome with its date": "សូមផ្តល់លទ្ធផលព្យាបាលជាមួយកាលបរិច្ឆេទរបស់វា",
    "treatment cannot start when the diagnosis is not TB": "មិនអាចចាប់ផ្តើមព្យាបាលបានទេ នៅពេលរោគវិនិច្ឆ័យមិនមែនជំងឺរបេង",
    "the treatment start cannot be after its recorded outcome":
        "ការចាប់ផ្តើមព្យាបាល មិនអាចនៅក្រោយលទ្ធផលដែលបានកត់ត្រារួចបានទេ",
    "treatment cannot start before the referral was made": "មិនអាចចាប់ផ្តើមព្យាបាលមុនថ្ងៃបញ្ជូនបានទេ",
    "must be a date written YYYY-MM-DD": "ត្រូវតែជាកាលបរិច្ឆេទសរសេរជា YYYY-MM-DD",
    "must be a date": "ត្រូវតែជាកាលបរិច្ឆេទ",
    "cannot be before 2000-01-01": "មិនអាចនៅមុនថ្ងៃ 2000-01-01 បានទេ",
    "cannot be in the future": "មិនអាចជាថ្ងៃអនាគតបានទេ",
    "is longer than 40 characters": "វែងជាង 40 តួអក្សរ",
    "is longer than 120 characters": "វែងជាង 120 តួអក្សរ",
    "contains control characters": "មានតួអក្សរបញ្ជា",
    "nothing to record": "គ្មានអ្វីត្រូវកត់ត្រាទេ",
    "cannot be recorded at HQ": "មិនអាចកត់ត្រានៅទីស្នាក់ការកណ្តាលបានទេ",
    "This referral is already closed; record a new referral instead.":
        "ការបញ្ជូននេះត្រូវបានបិទរួចហើយ សូមកត់ត្រាការបញ្ជូនថ្មីជំនួសវិញ។",
    "This referral changed meanwhile; open it again.": "ការបញ្ជូននេះបានផ្លាស់ប្តូរក្នុងពេលនេះ សូមបើកវាម្តងទៀត។",
})

# NEA's export across checkpoints (#15 point 4: sync.hq.web.nea_pages)
KHMER.update({
    "NEA export": "ការនាំចេញទិន្នន័យ NEA",
    "Returnees registered with NEA for job placement, with names and phone numbers: only persons whose consent to NEA "
    "registration stands today. Hand the file to NEA only; every download is logged.":
        "អ្នកត្រឡប់មកវិញដែលបានចុះឈ្មោះជាមួយ NEA ដើម្បីស្វែងរកការងារ រួមទាំងឈ្មោះ និងលេខទូរស័ព្ទ៖ "
        "មានតែអ្នកដែលការយល់ព្រមចុះឈ្មោះជាមួយ NEA របស់ពួកគេនៅតែមានសុពលភាពនៅថ្ងៃនេះប៉ុណ្ណោះ។ "
        "សូមប្រគល់ឯកសារនេះជូនតែ NEA ប៉ុណ្ណោះ។ រាល់ការទាញយកត្រូវបានកត់ត្រាទុក។",
    "From": "ពី",
    "To": "ដល់",
    "No checkpoint ticked: all checkpoints.": "បើមិនបានគូសច្រកត្រួតពិនិត្យណាមួយទេ៖ គ្រប់ច្រកត្រួតពិនិត្យទាំងអស់។",
    "Download CSV": "ទាញយក CSV",
    "Give the first and last day of the period, the last not before the first.":
        "សូមផ្តល់ថ្ងៃដំបូង និងថ្ងៃចុងក្រោយនៃរយៈពេល ដោយថ្ងៃចុងក្រោយមិនមុនថ្ងៃដំបូងទេ។",
    "There is no such checkpoint.": "មិនមានច្រកត្រួតពិនិត្យនេះទេ។",
})

# The monthly PDF report (sync.hq.web.report_pdf) and its download links and refusals (sync.hq.web.pdf_pages).
KHMER.update({
    "Monthly report": "របាយការណ៍ប្រចាំខែ",
    "Report": "របាយការណ៍",
    "Period": "រយៈពេល",
    "Generated": "បានបង្កើត",
    "by": "ដោយ",
    "withheld under": "លាក់ពេលតិចជាង",
    "All checkpoints": "ច្រកត្រួតពិនិត្យទាំងអស់",
    "Page": "ទំព័រ",
    "None in this period.": "គ្មានក្នុងរយៈពេលនេះទេ។",
    "Referrals by agency and outcome": "ការបញ្ជូនបន្តតាមស្ថាប័ន និងលទ្ធផល",
    "Referrals of arrivals with trafficking indicators, by agency and outcome":
        "ការបញ្ជូនបន្តនៃអ្នកមកដល់ដែលមានសូចនាករនៃការជួញដូរមនុស្ស តាមស្ថាប័ន និងលទ្ធផល",
    "Agency": "ស្ថាប័ន",
    "Outcome": "លទ្ធផល",
    "PDF (Khmer)": "PDF (ខ្មែរ)",
    "PDF (English)": "PDF (អង់គ្លេស)",
    "The period must be a month written YYYY-MM, such as 2026-11.":
        "រយៈពេលត្រូវតែជាខែសរសេរជា YYYY-MM ឧទាហរណ៍ 2026-11។",
    "The language must be Khmer (km) or English (en).": "ភាសាត្រូវតែជាខ្មែរ (km) ឬអង់គ្លេស (en)។",
    "There is no such checkpoint at HQ, or you may not see it.":
        "គ្មានច្រកត្រួតពិនិត្យបែបនេះនៅទីស្នាក់ការកណ្តាលទេ ឬអ្នកមិនអាចមើលវាបានទេ។",
})

# The assistance and NEA registration reports (#15 point 3: sync.hq.service_facts, sync.hq.web.report_source).
KHMER.update({
    "Persons assisted": "ចំនួនមនុស្សដែលទទួលបានជំនួយ",
    "Food and water": "អាហារ និងទឹក",
    "Non-food items": "សម្ភារៈមិនមែនអាហារ",
    "Transport": "ការដឹកជញ្ជូន",
    "Cash": "សាច់ប្រាក់",
    "Shelter": "ទីជម្រក",
    "Medical": "ការថែទាំវេជ្ជសាស្ត្រ",
    "Other assistance": "ជំនួយផ្សេងទៀត",
    "Persons registered with NEA": "ចំនួនមនុស្សដែលបានចុះឈ្មោះជាមួយ NEA",
    "Kind of assistance": "ប្រភេទជំនួយ",
    "Provider": "អ្នកផ្តល់ជំនួយ",
    "Sector wanted": "វិស័យការងារដែលចង់បាន",
    "Job wanted": "ការងារដែលចង់បាន",
    "Province wanted for work": "ខេត្តដែលចង់ធ្វើការ",
    "Education": "កម្រិតវប្បធម៌",
    "Would work abroad again": "ចង់ធ្វើការនៅបរទេសម្តងទៀត",
})
