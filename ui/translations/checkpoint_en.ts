<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../messages.py" line="104"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="110"/>
        <location filename="../messages.py" line="125"/>
        <location filename="../messages.py" line="129"/>
        <location filename="../messages.py" line="132"/>
        <location filename="../messages.py" line="134"/>
        <location filename="../messages.py" line="143"/>
        <location filename="../messages.py" line="153"/>
        <location filename="../views/arrivals/import_dialog.py" line="168"/>
        <location filename="../views/person_record.py" line="193"/>
        <location filename="../views/person_record.py" line="207"/>
        <location filename="../views/person_record.py" line="217"/>
        <location filename="../views/person_record.py" line="218"/>
        <location filename="../views/person_record.py" line="278"/>
        <location filename="../views/supervisor/data.py" line="243"/>
        <location filename="../windows/main_window.py" line="229"/>
        <location filename="../wizards/registration/review.py" line="40"/>
        <location filename="../wizards/registration/review.py" line="93"/>
        <location filename="../wizards/registration/review.py" line="104"/>
        <location filename="../wizards/registration/trafficking.py" line="230"/>
        <location filename="../wizards/registration/trafficking.py" line="232"/>
        <location filename="../wizards/registration/trafficking.py" line="234"/>
        <source>Core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="26"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../dialogs/users.py" line="31"/>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="32"/>
        <source>&amp;Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="33"/>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="33"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="35"/>
        <source>&amp;Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="35"/>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="37"/>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="37"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerBox</name>
    <message>
        <location filename="../wizards/registration/answers.py" line="66"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/answers.py" line="66"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/answers.py" line="66"/>
        <source>not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/answers.py" line="67"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../context.py" line="76"/>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArrivalsView</name>
    <message>
        <location filename="../views/arrivals/__init__.py" line="31"/>
        <source>&amp;Quick registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/__init__.py" line="34"/>
        <source>S&amp;tation queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/__init__.py" line="37"/>
        <source>Surge and &amp;headcount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssistanceDeskView</name>
    <message>
        <location filename="../views/assistance.py" line="51"/>
        <location filename="../views/assistance.py" line="163"/>
        <source>No one is being served. Press F5 to call the next person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="55"/>
        <source>Call next (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="62"/>
        <source>Already received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="63"/>
        <source>Already received (today first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="67"/>
        <source>Water (W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="67"/>
        <source>Meal (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="67"/>
        <source>Hygiene kit (H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="68"/>
        <source>Transport ticket (T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="68"/>
        <source>Night in shelter (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="69"/>
        <source>Cash grant (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="83"/>
        <source>Cash amount (riel):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="86"/>
        <source>Cash amount (riel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="90"/>
        <source>Supervisor: reason to give a second cash grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="91"/>
        <source>Reason for the override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="125"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="128"/>
        <source>(void)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="138"/>
        <source>Refused: a cash grant was already given on %1 (%2 %3, %4). A supervisor may give another with a reason (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="150"/>
        <source>No one is waiting at the assistance desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="170"/>
        <source>Type the amount as a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="176"/>
        <source>Call a person first (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="183"/>
        <source>Recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssistanceFiguresView</name>
    <message>
        <location filename="../views/assistance_figures.py" line="31"/>
        <source>From (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="34"/>
        <source>To (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="35"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="39"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="41"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="58"/>
        <source>Write the dates as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="66"/>
        <source>%1 handed out to %2 persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="67"/>
        <source>By kind and provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="70"/>
        <source>By sex and age:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="73"/>
        <source>By item:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CascadeView</name>
    <message>
        <location filename="../views/health_post.py" line="516"/>
        <source>From (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="517"/>
        <source>To (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="520"/>
        <source>&amp;Show cascade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="524"/>
        <source>TB cascade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="528"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="528"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="545"/>
        <source>Write the dates as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="552"/>
        <source>Persons screened from %1 to %2, followed to today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="554"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="554"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="554"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="554"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="555"/>
        <location filename="../views/health_post.py" line="570"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="555"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="557"/>
        <source>Age unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="567"/>
        <source>Province unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="568"/>
        <source>By home province</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Checkpoint</name>
    <message>
        <location filename="../text.py" line="88"/>
        <source>another checkpoint (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <location filename="../wizards/registration/consent.py" line="30"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="31"/>
        <source>Explain each purpose and ask separately. The person may refuse any of them, stop at any time, and need not answer every question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="36"/>
        <source>Keep this record (needed to save it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="37"/>
        <source>Both screens: the TB screen and the trafficking interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="38"/>
        <source>The TB screen (health questions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="40"/>
        <source>The trafficking interview (red flags and checklist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="43"/>
        <source>Register with the National Employment Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="55"/>
        <source>Agencies the person agrees to share the record with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="64"/>
        <source>Share with (names from the directory):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="70"/>
        <source>Guardian&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="71"/>
        <location filename="../wizards/registration/consent.py" line="73"/>
        <source>Relationship to the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="72"/>
        <source>A child: the guardian consents. Guardian&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="116"/>
        <source>Consent wording version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="41"/>
        <source>Refer to an agency or health facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="42"/>
        <source>Share the record with the named agencies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="../core_messages.py" line="6"/>
        <source>%1 %2: %3 strong, %4 medium, %5 weak — %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="7"/>
        <source>%1 (counted as %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="8"/>
        <source>1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="9"/>
        <source>1 strong indicator plus at least 1 medium or weak indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="10"/>
        <source>2 medium indicators plus at least 1 weak indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="11"/>
        <source>2 or more strong indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="12"/>
        <source>3 or more medium indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="13"/>
        <source>A cell of the list is far too large: this is not a handover list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="14"/>
        <source>A locked account has no passphrase any more: a supervisor reinstates it by setting a new passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="15"/>
        <source>A store already exists there: move it aside first, or choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="16"/>
        <source>Adult rule applied to a child (ADULT_RULE setting): recruitment, exploitation and destination must all be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="17"/>
        <source>Adult rule: recruitment, exploitation and destination must all be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="18"/>
        <source>An accompanied child needs the parent or legal guardian registered first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="19"/>
        <source>Another Checkpoint program is changing the key file: try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="20"/>
        <source>Checklist: %1 (content %2 version %3); age %4; %5 indicator(s) ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="21"/>
        <source>Child under 18 with exploitative conditions of work: a child-protection referral is required whatever the result above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="22"/>
        <source>Close contacts and people living with HIV also need assessment for TB preventive treatment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="23"/>
        <source>Coercion or vulnerability at destination (CD or VD): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="24"/>
        <source>Column %1 of the mapping (%2) has a key it cannot have: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="25"/>
        <source>Column %1 of the mapping (%2) must have exactly one of source, value or row_number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="26"/>
        <source>Column %1 of the mapping (%2) takes %3, which is not a column of the NEA export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="27"/>
        <source>Column %1 of the mapping (%2): %3 goes only with %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="28"/>
        <source>Column %1 of the mapping (%2): %3 holds no codes, so it cannot have a code table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="29"/>
        <source>Column %1 of the mapping (%2): %3 must be %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="30"/>
        <source>Column %1 of the mapping (%2): the code table names %3, which is not a code of %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="31"/>
        <source>Column %1 of the mapping must be an object with a header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="32"/>
        <source>Column %1 of the mapping needs a header: text of 1 to 200 characters, on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="33"/>
        <source>Column %1 of the mapping repeats the header %2 (already column %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="34"/>
        <source>Cough for %1 day(s) is under the %2 days this mode requires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="35"/>
        <source>Debt bondage was reported: offer a protection referral today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="36"/>
        <source>Each dimension is judged on its own ticks; counts are never added across dimensions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="37"/>
        <source>Enrolling again needs the release document that the HQ this device is enrolled with signed for it (checkpoint-hq release).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="38"/>
        <source>Events already at HQ differ from this device&apos;s event log: events HQ acknowledged were changed or deleted here. Do not delete anything; tell HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="39"/>
        <source>Exploitation (EX): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="40"/>
        <source>Exploitative conditions of work without recruitment indicators: consider a protection or labour-rights referral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="41"/>
        <source>Grade not yet verified against the source used for: %1. Keep this in mind when reviewing the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="42"/>
        <source>HQ&apos;s answer holds none of this record&apos;s minimised events as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="43"/>
        <source>HQ&apos;s directory has a malformed entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="44"/>
        <source>HQ&apos;s directory has an entry that is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="45"/>
        <source>HQ&apos;s directory has an entry with a malformed list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="46"/>
        <source>HQ&apos;s directory has an entry without a valid code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="47"/>
        <source>HQ&apos;s directory is not a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="48"/>
        <source>HQ&apos;s directory names a code twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="49"/>
        <source>HQ&apos;s recovery key is not known here; the data key cannot be rotated without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="50"/>
        <source>HQ&apos;s reference data carries too many slip-signing keys: refused, the previous directory stays in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="51"/>
        <source>HQ&apos;s reference data does not carry the signature of the HQ this device is enrolled with: refused, the previous directory stays in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="52"/>
        <source>HQ&apos;s reference data has a date without a time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="53"/>
        <source>HQ&apos;s reference data has a malformed slip-signing key: refused, the previous directory stays in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="54"/>
        <source>HQ&apos;s reference data has expired: refused, the previous directory stays in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="55"/>
        <source>HQ&apos;s reference data has no readable date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="56"/>
        <source>HQ&apos;s reference data has no version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="57"/>
        <source>HQ&apos;s reference data is not readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="58"/>
        <source>HQ&apos;s reference data is older than the version in use (an old document replayed?): refused, the previous directory stays in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="59"/>
        <source>HQ&apos;s reference data was made for another checkpoint: refused, the previous directory stays in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="60"/>
        <source>In the mapping file, %1 must be %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="61"/>
        <source>Key file slot is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="62"/>
        <source>NEA needs a phone number to reach the person, or a second contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="63"/>
        <source>NEA registration needs the person&apos;s consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="64"/>
        <source>No TB risk factor reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="65"/>
        <source>No backup there (the .db file and its .db.keys file beside it are needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="66"/>
        <source>No health facility offers TB treatment in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="67"/>
        <source>No row of the list is valid: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="68"/>
        <source>No such arrival.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="69"/>
        <source>No such assistance record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="70"/>
        <source>No such batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="71"/>
        <source>No such conflict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="72"/>
        <source>No such group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="73"/>
        <source>No such health referral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="74"/>
        <source>No such person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="75"/>
        <source>No such queue entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="76"/>
        <source>No such record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="77"/>
        <source>No such referral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="78"/>
        <source>No such row in this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="79"/>
        <source>No such unacknowledged batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="80"/>
        <source>No such user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="81"/>
        <source>No symptom that this rule counts was reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="82"/>
        <source>Not a Checkpoint key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="83"/>
        <source>Not allowed to refer to a health facility.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="84"/>
        <source>Not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="85"/>
        <source>Nothing of this record was minimised: there is nothing to fetch back from HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="86"/>
        <source>Only a supervisor may add, promote, demote, reset, lock or reinstate a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="87"/>
        <source>Only a supervisor may change HQ&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="88"/>
        <source>Only a supervisor may enroll this device again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="89"/>
        <source>Only a supervisor may reinstate a locked account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="90"/>
        <source>Only a supervisor may rotate the data key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="91"/>
        <source>Only a supervisor or an administrator may sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="92"/>
        <source>Only the officer who registered this arrival, or a supervisor, may correct it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="93"/>
        <source>Only the officer who registered this arrival, or a supervisor, may print its protection referral slip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="94"/>
        <source>Only the officer who registered this arrival, or a supervisor, may refer it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="95"/>
        <source>Recent detention alone does not send to a chest X-ray at this site (site setting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="96"/>
        <source>Recent detention alone does not send to a chest X-ray at this site: there is no X-ray on site (site setting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="97"/>
        <source>Recorded with %1 version %2, which this version of Checkpoint cannot re-explain; the recorded result stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="98"/>
        <source>Recruitment (DR, CR or VR): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="99"/>
        <source>Reported but not counted in prolonged-cough mode: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="100"/>
        <source>Result: indicators of trafficking present — refer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="101"/>
        <source>Result: no counted symptom but a TB risk factor — refer for a chest X-ray (routine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="102"/>
        <source>Result: presumptive TB — refer the same day for a chest X-ray and an Xpert MTB/RIF test. A positive screen is not a diagnosis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="103"/>
        <source>Result: screen negative — no TB referral now. Advise the person to seek care if a cough, fever, night sweats or weight loss starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="104"/>
        <source>Result: the combination for a trafficking referral is not met (missing: %1). This does not rule out trafficking or other harm; refer if in doubt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="105"/>
        <source>Risk factors: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="106"/>
        <source>Rule for children under 18: recruitment and exploitation must both be positive; coercion or vulnerability at destination is not required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="107"/>
        <source>Safety rule (not the ILO rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="108"/>
        <source>Say why this case needs the record (HQ and this device both keep the reason).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="109"/>
        <source>Screen rule: %1 (screen mode setting: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="110"/>
        <source>Sealed: protection section, supervisor only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="111"/>
        <source>Some rows of the list are not valid: nothing was imported. Correct them, or import only the good rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="112"/>
        <source>Someone controlling the person is present: offer a protection referral today and speak to the person alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="113"/>
        <source>Strong coercion and a controlling person present together: treat as immediate danger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="114"/>
        <source>Surge mode is off: register arrivals instead of counting them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="115"/>
        <source>Symptoms counted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="116"/>
        <source>TB answers need consent to the TB screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="117"/>
        <source>The SQLite driver in use has no encryption (PRAGMA cipher_version is empty): refusing to open the store, which would write plaintext.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="118"/>
        <source>The backup copy failed its integrity check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="119"/>
        <source>The checklist was not asked: not screened (this is not a finding of no indicators).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="120"/>
        <source>The data key is not available in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="121"/>
        <source>The database key must be 32 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="122"/>
        <source>The first row of the list must name the columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="123"/>
        <source>The key %1 appears twice in one object of the mapping file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="124"/>
        <source>The key file is damaged or not a Checkpoint key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="125"/>
        <source>The key file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="126"/>
        <source>The key file is held open by another program (antivirus or backup software?): try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="127"/>
        <source>The key file is too large to be a Checkpoint key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="128"/>
        <source>The key file now belongs to another store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="129"/>
        <source>The list has more than 10,000 rows: split it into several lists (one per vehicle) and import each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="130"/>
        <source>The list has no rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="131"/>
        <source>The list is larger than 20 MB: split it or check that it is the right file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="132"/>
        <source>The list&apos;s text encoding could not be read (UTF-8, UTF-16 and Thai Windows-874 are read): save it as &quot;CSV UTF-8&quot; and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="133"/>
        <source>The mapping file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="134"/>
        <source>The mapping file has a key it cannot have: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="135"/>
        <source>The mapping file is larger than %1 KB: it cannot be a mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="136"/>
        <source>The mapping file is not UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="137"/>
        <source>The mapping file is not valid JSON (line %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="138"/>
        <source>The mapping file must be a JSON object with mapping_version 1 and a list of columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="139"/>
        <source>The mapping file must list 1 to %1 columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="140"/>
        <source>The person has not consented to this referral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="141"/>
        <source>The person was forced to commit crimes (for example online scams): offer a protection referral today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="142"/>
        <source>The person was locked up, guarded or kept from leaving: offer a protection referral today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="143"/>
        <source>The person withdrew consent to this referral or to sharing; there is no slip to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="144"/>
        <source>The person&apos;s documents were taken: offer a protection referral today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="145"/>
        <source>The referral content has no child-protection agency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="146"/>
        <source>The retention period must be a whole number of days from 1 to 3650.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="147"/>
        <source>The safety rule found no strong coercion item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="148"/>
        <source>The session is locked: sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="149"/>
        <source>This account is locked. Ask a supervisor to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="150"/>
        <source>This account&apos;s key slot does not hold the device&apos;s signing key: sign in again as a supervisor (or with the recovery code) and it is given back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="151"/>
        <source>This arrival is already approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="152"/>
        <source>This arrival is already registered with NEA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="153"/>
        <source>This arrival or person record was voided; there is no slip to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="154"/>
        <source>This arrival was voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="155"/>
        <source>This assistance record is already void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="156"/>
        <source>This assistance record is void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="157"/>
        <source>This backup does not say when it was made (it is from an older version), so it may hold protection data past the retention period. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="158"/>
        <source>This backup is older than the site&apos;s retention period. Restoring it would bring back protection data that was removed from this device after HQ acknowledged it. Nothing was changed: ask HQ for the records you need instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="159"/>
        <source>This conflict was already decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="160"/>
        <source>This consent was not given, or is already withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="161"/>
        <source>This device is already enrolled; HQ must revoke it before it enrolls again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="162"/>
        <source>This device is not enrolled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="163"/>
        <source>This device is not enrolled: enroll it with HQ&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="164"/>
        <source>This device is not enrolled: enroll it, there is nothing to replace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="165"/>
        <source>This file is not a CSV or XLSX list, or it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="166"/>
        <source>This is the last active supervisor; add another before locking it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="167"/>
        <source>This key file belongs to another store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="168"/>
        <source>This person already has an open TB referral: continue it instead of opening another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="169"/>
        <source>This person was already transferred for TB treatment and that referral is still open: continue it instead of opening another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="170"/>
        <source>This person&apos;s record was voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="171"/>
        <source>This person&apos;s record was voided; register a new person instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="172"/>
        <source>This protection section fails its check (altered or damaged): it is not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="173"/>
        <source>This record is already voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="174"/>
        <source>This record was voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="175"/>
        <source>This referral is already closed; record a new referral instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="176"/>
        <source>This referral was voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="177"/>
        <source>This referral was voided; there is no slip to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="178"/>
        <source>This release document ends an earlier enrollment of this device, not the current one: ask HQ for a new release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="179"/>
        <source>This row of the list is already registered or marked as left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="180"/>
        <source>This session has no signing key; slips cannot be signed. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="181"/>
        <source>This slip&apos;s code does not verify: it was changed or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="182"/>
        <source>This store has no device id: it is damaged or was not made by Checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="183"/>
        <source>This store has no device signing key; slips cannot be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="184"/>
        <source>This store has no recovery-code slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="185"/>
        <source>This store was never enrolled with an HQ recovery key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="186"/>
        <source>This user has no key slot to keep a signing key in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="187"/>
        <source>Threats of violence against the person or the family were reported: offer a protection referral today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="188"/>
        <source>Violence was reported: offer a protection referral today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="189"/>
        <source>WHO (Module 2, 2021) ranks the chest X-ray as the most accurate screening test for TB disease: it also finds TB in people who have no symptoms yet. Where an X-ray is taken on site, a person can be X-rayed the same day; where it is not, a referral for an X-ray elsewhere is often never completed by people who leave the border the same day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="190"/>
        <source>WHO counts prisons and places of detention as settings with a high TB risk (incidence about 23 times that of the general population) and recommends systematic screening there. Almost everyone deported through this checkpoint has just left immigration detention, so counting detention alone sends nearly everyone to an X-ray: sensible where the X-ray is on site, not where each referral means a journey elsewhere. With this setting off, detention is still recorded, and a symptom or another risk factor still refers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="191"/>
        <source>Wrong key, or this file is not a Checkpoint store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="192"/>
        <source>Wrong recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="193"/>
        <source>You cannot change your own role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="194"/>
        <source>You cannot lock your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="195"/>
        <source>Your role does not work at this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="196"/>
        <source>Your role may not correct a person&apos;s record, so a new phone or destination cannot be saved. Put back what the record holds, or ask a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="197"/>
        <source>a 2 x 44 MRZ must start with P (passport): re-scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="198"/>
        <source>a chest X-ray is recorded for a person the screen refers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="199"/>
        <source>a child&apos;s consent is given by the guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="200"/>
        <source>a column name or a list of 1 to %1 column names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="201"/>
        <source>a consent has a field it cannot have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="202"/>
        <source>a date of birth or an estimated age is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="203"/>
        <source>a guardian is named only when the guardian consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="204"/>
        <source>a list row needs its group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="205"/>
        <source>a name in Latin or Khmer script is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="206"/>
        <source>a sealed section is at most 1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="207"/>
        <source>a sealed section needs at least one recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="208"/>
        <source>a sheet name of 1 to 31 characters without : \ / ? * [ ]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="209"/>
        <source>an amount was given but no debt is owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="210"/>
        <source>an item cannot be answered both yes and no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="211"/>
        <source>an object giving text for each code (at most %1 codes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="212"/>
        <source>an officer&apos;s referral is to a protection agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="213"/>
        <source>any TB symptom (cough of any duration, coughing up blood, fever, night sweats, weight loss)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="214"/>
        <source>any symptom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="215"/>
        <source>applies to children only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="216"/>
        <source>applies to children under 15 only; use weight_loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="217"/>
        <source>cannot be in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="218"/>
        <source>cannot be updated on a referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="219"/>
        <source>child under 15 — any of cough, coughing up blood, fever, night sweats, weight loss or poor weight gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="220"/>
        <source>choose an agency from the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="221"/>
        <source>choose the agency or facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="222"/>
        <source>choose the outcome when closing a referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="223"/>
        <source>choose the type of the document whose number is given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="224"/>
        <source>consent to store the record is required to save it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="225"/>
        <source>contains a character that is not in recovery codes (0-9, A-Z except U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="226"/>
        <source>contains a spreadsheet formula: type the value instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="227"/>
        <source>contains an unknown method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="228"/>
        <source>contains an unknown type of exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="229"/>
        <source>contains an unknown vulnerability flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="230"/>
        <source>contains characters other than A-Z, 0-9 and &lt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="231"/>
        <source>contains characters that cannot be encoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="232"/>
        <source>contains control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="233"/>
        <source>days of detention were given but no detention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="234"/>
        <source>destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="235"/>
        <source>each answer must be yes, no or not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="236"/>
        <source>each consent must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="237"/>
        <source>each purpose needs its wording in English and Khmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="238"/>
        <source>expected an open transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="239"/>
        <source>exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="240"/>
        <source>follow-up stages apply to health referrals only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="241"/>
        <source>give a date of birth or an estimated age, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="242"/>
        <source>give a reason for the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="243"/>
        <source>give either a new person or an existing person&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="244"/>
        <source>give the Xpert result with its date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="245"/>
        <source>give the chest X-ray reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="246"/>
        <source>give the chest X-ray reading with its date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="247"/>
        <source>give the period as two dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="248"/>
        <source>give the treatment outcome with its date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="249"/>
        <source>given without a cough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="250"/>
        <source>has a field it cannot have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="251"/>
        <source>has a typo: compare each character with the printed code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="252"/>
        <source>has expired: the checkpoint can print a new slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="253"/>
        <source>indicator ids must be strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="254"/>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="255"/>
        <source>is far too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="256"/>
        <source>is larger than 2 GiB: split it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="257"/>
        <source>is longer than 200 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="258"/>
        <source>is malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="259"/>
        <source>is more than this site allows for this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="260"/>
        <source>is not a Cambodian province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="261"/>
        <source>is not a Checkpoint referral slip code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="262"/>
        <source>is not a WHO treatment outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="263"/>
        <source>is not a consent purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="264"/>
        <source>is not a contact or destination field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="265"/>
        <source>is not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="266"/>
        <source>is not a date (write it as 31/12/1990, 1990-12-31 or with a Buddhist-era year such as 2533)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="267"/>
        <source>is not a destination field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="268"/>
        <source>is not a document type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="269"/>
        <source>is not a field of a handover group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="270"/>
        <source>is not a field of a handover list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="271"/>
        <source>is not a follow-up stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="272"/>
        <source>is not a known agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="273"/>
        <source>is not a known code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="274"/>
        <source>is not a known kind of work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="275"/>
        <source>is not a known result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="276"/>
        <source>is not a person field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="277"/>
        <source>is not a record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="278"/>
        <source>is not a record type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="279"/>
        <source>is not a referral status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="280"/>
        <source>is not a row of the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="281"/>
        <source>is not a station code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="282"/>
        <source>is not a usable X25519 public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="283"/>
        <source>is not an ISO 639 language code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="284"/>
        <source>is not an agency of the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="285"/>
        <source>is not an arrival field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="286"/>
        <source>is not an assistance item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="287"/>
        <source>is not part of the TB screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="288"/>
        <source>is not part of the chest X-ray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="289"/>
        <source>is not part of the trafficking checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="290"/>
        <source>is not the version of the consent wording shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="291"/>
        <source>is not this arrival&apos;s person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="292"/>
        <source>is not this device&apos;s chain head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="293"/>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="294"/>
        <source>is required (at most 80 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="295"/>
        <source>is required for a cough in prolonged-cough mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="296"/>
        <source>is required to change your own passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="297"/>
        <source>is the address this device already uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="298"/>
        <source>is too easy to guess: it is a common password, a word, a name, a date or a pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="299"/>
        <source>is too far in the past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="300"/>
        <source>is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="301"/>
        <source>is too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="302"/>
        <source>is too long (at most 1024 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="303"/>
        <source>is too long to be a referral slip code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="304"/>
        <source>living with HIV (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="305"/>
        <source>may contain only Latin letters, spaces, hyphens and apostrophes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="306"/>
        <source>may contain only letters and digits (at most 20)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="307"/>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="308"/>
        <source>must be &apos;any_symptom&apos; or &apos;prolonged_cough&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="309"/>
        <source>must be &apos;en&apos; or &apos;km&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="310"/>
        <source>must be &apos;positive&apos;, &apos;negative&apos; or &apos;unknown&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="311"/>
        <source>must be 6 to 15 digits, optionally starting with +</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="312"/>
        <source>must be F, M, X or UNKNOWN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="313"/>
        <source>must be IMMEDIATE_DANGER, SAME_DAY or ROUTINE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="314"/>
        <source>must be M or F (or ប្រុស / ស្រី)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="315"/>
        <source>must be THB, KHR or USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="316"/>
        <source>must be a 32-byte public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="317"/>
        <source>must be a KdfParams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="318"/>
        <source>must be a consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="319"/>
        <source>must be a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="320"/>
        <source>must be a date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="321"/>
        <source>must be a date written YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="322"/>
        <source>must be a form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="323"/>
        <source>must be a list of codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="324"/>
        <source>must be a list of consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="325"/>
        <source>must be a list of indicator ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="326"/>
        <source>must be a list of types of exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="327"/>
        <source>must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="328"/>
        <source>must be a number from 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="329"/>
        <source>must be a number of days from 0 to 3660</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="330"/>
        <source>must be a positive number of bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="331"/>
        <source>must be a result of evaluate_tb or None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="332"/>
        <source>must be a result of evaluate_trafficking or None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="333"/>
        <source>must be a set of fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="334"/>
        <source>must be a set of indicator ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="335"/>
        <source>must be a short line of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="336"/>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="337"/>
        <source>must be a whole number for this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="338"/>
        <source>must be a whole number of days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="339"/>
        <source>must be a whole number of days from 0 to 365</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="340"/>
        <source>must be a whole number of years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="341"/>
        <source>must be accompanied, separated or unaccompanied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="342"/>
        <source>must be active or disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="343"/>
        <source>must be an age in whole years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="344"/>
        <source>must be an age in years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="345"/>
        <source>must be at least 12 characters (or much less predictable); several words are easiest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="346"/>
        <source>must be at most 500 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="347"/>
        <source>must be between 0 and 1,000,000,000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="348"/>
        <source>must be between 0 and 5,000,000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="349"/>
        <source>must be between 1 and 100,000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="350"/>
        <source>must be between 1 and 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="351"/>
        <source>must be bus, truck, van, on foot or other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="352"/>
        <source>must be bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="353"/>
        <source>must be child or adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="354"/>
        <source>must be csv or xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="355"/>
        <source>must be done, referred or left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="356"/>
        <source>must be head, spouse, child or other relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="357"/>
        <source>must be kept or other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="358"/>
        <source>must be more than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="359"/>
        <source>must be more than zero and at most the item&apos;s maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="360"/>
        <source>must be officer, health_worker, supervisor or admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="361"/>
        <source>must be protection, child_protection or health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="362"/>
        <source>must be sealed, sent or failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="363"/>
        <source>must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="364"/>
        <source>must be the person or the guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="365"/>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="366"/>
        <source>must be within a year before and two years after today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="367"/>
        <source>must be written in Khmer script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="368"/>
        <source>must be yes or no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="369"/>
        <source>must be yes, no or maybe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="370"/>
        <source>must be yes, no or not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="371"/>
        <source>must carry a time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="372"/>
        <source>must map each field to a column name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="373"/>
        <source>must map each purpose to yes or no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="374"/>
        <source>must map each question to yes, no or not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="375"/>
        <source>must name a column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="376"/>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="377"/>
        <source>must not be empty: pass the object&apos;s identity (store id + slot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="378"/>
        <source>must not contain the user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="379"/>
        <source>name the agency this consent is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="380"/>
        <source>name the guardian and the relationship to the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="381"/>
        <source>name the job or the sector the person is looking for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="382"/>
        <source>names a station this site does not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="383"/>
        <source>no such user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="384"/>
        <source>not a consent wording document of version 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="385"/>
        <source>not positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="386"/>
        <source>not positive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="387"/>
        <source>nothing ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="388"/>
        <source>nothing to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="389"/>
        <source>nothing to correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="390"/>
        <source>nothing to update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="391"/>
        <source>one medium indicator is not enough without a strong one, two more medium, or one more medium and a weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="392"/>
        <source>one strong indicator alone is not enough; it needs one more indicator in this dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="393"/>
        <source>only a closed referral has an outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="394"/>
        <source>only for an existing person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="395"/>
        <source>only when the person may work abroad again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="396"/>
        <source>person living with HIV — WHO four-symptom screen (cough of any duration, fever, night sweats, weight loss) plus coughing up blood; this applies whatever the screen mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="397"/>
        <source>positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="398"/>
        <source>positive (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="399"/>
        <source>positive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="400"/>
        <source>prolonged cough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="401"/>
        <source>prolonged cough — cough for %1 days or more, or coughing up blood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="402"/>
        <source>record a TB diagnosis before the transfer for treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="403"/>
        <source>record the sputum collection before the Xpert result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="404"/>
        <source>record the treatment start before its outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="405"/>
        <source>record() must run inside a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="406"/>
        <source>recruitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="407"/>
        <source>referrals need consent to referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="408"/>
        <source>rekey() cannot run inside a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="409"/>
        <source>say who signs in to the backup (--user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="410"/>
        <source>say why HQ&apos;s address changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="411"/>
        <source>say why you refer the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="412"/>
        <source>strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="413"/>
        <source>text of at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="414"/>
        <source>the TB screen needs the person&apos;s age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="415"/>
        <source>the TB screen needs the person&apos;s consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="416"/>
        <source>the Xpert result cannot be dated before the sputum was collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="417"/>
        <source>the checklist needs the person&apos;s age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="418"/>
        <source>the content is not a referral slip&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="419"/>
        <source>the content repeats a field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="420"/>
        <source>the end must not be before the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="421"/>
        <source>the file already exists; choose a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="422"/>
        <source>the guardian must be an adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="423"/>
        <source>the list has no column for this field: choose one in the column mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="424"/>
        <source>the mapping names a column that is not in this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="425"/>
        <source>the period ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="426"/>
        <source>the pre-screen needs consent to the trafficking interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="427"/>
        <source>the same consent is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="428"/>
        <source>the same person is already on an earlier row of this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="429"/>
        <source>the sealed blob&apos;s ephemeral key is invalid: it was altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="430"/>
        <source>the sealed section&apos;s ephemeral key is invalid: it was altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="431"/>
        <source>the signature does not match this message and context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="432"/>
        <source>the treatment outcome cannot be dated before the treatment started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="433"/>
        <source>the treatment start cannot be after its recorded outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="434"/>
        <source>the two entries differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="435"/>
        <source>this arrival is void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="436"/>
        <source>this consent is not given per agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="437"/>
        <source>this store has no users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="438"/>
        <source>trafficking answers need consent to the trafficking interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="439"/>
        <source>treatment cannot start before the person arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="440"/>
        <source>treatment cannot start when the diagnosis is not TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="441"/>
        <source>true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="442"/>
        <source>two medium indicators need a third medium or one weak indicator in this dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="443"/>
        <source>unknown code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="444"/>
        <source>unknown pre-screen question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="445"/>
        <source>use 2-32 letters, digits, dots, dashes or underscores, starting with a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="446"/>
        <source>visa MRZ is not supported: type the details manually</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="447"/>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="448"/>
        <source>weak indicators alone never make a dimension positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="449"/>
        <source>wrong context, or the sealed blob was altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="450"/>
        <source>wrong context, or the sealed section was altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="451"/>
        <source>wrong key or context, or the encrypted blob was altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="452"/>
        <source>wrong passphrase or context, or the wrapped key was altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="49"/>
        <source>must start with https://: plain http:// is allowed only to this computer (127.0.0.1, ::1, localhost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="51"/>
        <source>must be an https:// address (e.g. https://hq.example.org)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="52"/>
        <source>is not a valid address (e.g. https://hq.example.org)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="53"/>
        <source>has no HQ key fingerprint: use the whole enrollment code HQ printed (token and fingerprint, 12 groups of 4), or give HQ&apos;s fingerprint too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="55"/>
        <source>HQ&apos;s keys do not match the fingerprint in the enrollment code: nothing was pinned. Check the code; if it is right, someone may stand between this device and HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="57"/>
        <source>HQ&apos;s enrollment answer is not signed: nothing was pinned. This server is not a current Checkpoint HQ, or someone stands between this device and HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="59"/>
        <source>HQ&apos;s signed answer is for another enrollment request: nothing was pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="60"/>
        <source>HQ&apos;s answer to the enrollment did not arrive, so this device is NOT enrolled yet. Enroll again with the same code when HQ can be reached: HQ recognises this device and answers again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../dialogs/corrections.py" line="111"/>
        <source>Correct identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="112"/>
        <source>Save correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="116"/>
        <source>Field to correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="132"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="135"/>
        <source>New value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="139"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="140"/>
        <source>New value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="157"/>
        <source>%1: the new value is the same as the recorded one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataTab</name>
    <message>
        <location filename="../views/supervisor/data.py" line="40"/>
        <source>Persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="41"/>
        <source>Arrivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="42"/>
        <source>Trafficking screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="43"/>
        <source>TB screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="44"/>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="45"/>
        <source>Events in the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="46"/>
        <source>Events not yet sent to HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="47"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="48"/>
        <source>Unfinished registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="72"/>
        <source>This store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="81"/>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="81"/>
        <source>Export the records as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="82"/>
        <source>&amp;Back up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="82"/>
        <source>Write an encrypted backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="83"/>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="83"/>
        <source>Verify the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="90"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="92"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="94"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="97"/>
        <source>Problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="186"/>
        <source>That file already exists. Nothing was overwritten: choose a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/data.py" line="202"/>
        <source>%n row(s) written to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="203"/>
        <source>This file is NOT encrypted. Keep it only on an encrypted disk, never send it by e-mail or chat, and delete it when you are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="219"/>
        <source>Encrypted backup written to %1. Its key file %2 is beside it: keep the two together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="231"/>
        <source>Checking the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="237"/>
        <source>OK: the store passed every check (%1 events, %2 persons).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/data.py" line="241"/>
        <source>%n problem(s) found. Do not delete anything; tell HQ.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../messages.py" line="112"/>
        <source>Too many wrong passphrases. Try again in %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="115"/>
        <source>Wrong user name or passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="117"/>
        <source>This account is locked. Ask a supervisor to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="119"/>
        <source>Your role does not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="121"/>
        <source>That record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="125"/>
        <source>The open referral: %1, opened %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="131"/>
        <source>The store could not be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="135"/>
        <source>Something went wrong and nothing was saved. Please try again; if it happens again, tell your supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FetchBackDialog</name>
    <message>
        <location filename="../dialogs/fetch_back.py" line="15"/>
        <source>Fetch back from HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/fetch_back.py" line="16"/>
        <source>Fetch back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/fetch_back.py" line="17"/>
        <source>The protection section and notes of this record come back from HQ and stay on this laptop for another retention period. Say why this case needs them: HQ and this device both keep the reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../messages.py" line="24"/>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="25"/>
        <source>Given names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="26"/>
        <source>Name in Khmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="27"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="28"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="29"/>
        <source>Estimated age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="30"/>
        <source>Citizenship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="31"/>
        <source>Document type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="32"/>
        <source>Document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="33"/>
        <source>Issuing state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="34"/>
        <source>Document expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="35"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="36"/>
        <source>Home province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="37"/>
        <source>Home district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="38"/>
        <source>Home commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="39"/>
        <source>Home village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="40"/>
        <source>Return type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="41"/>
        <source>Country of work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="42"/>
        <source>Province or city of work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="43"/>
        <source>Sector of work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="44"/>
        <source>Work abroad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="45"/>
        <source>Type of exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="46"/>
        <source>Guardian&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="47"/>
        <source>Guardian&apos;s relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="48"/>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="49"/>
        <source>Consent given by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="50"/>
        <source>Consent wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="51"/>
        <source>Red-flag questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="52"/>
        <source>Months abroad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="53"/>
        <source>How they migrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="54"/>
        <source>Who recruited them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="55"/>
        <source>Owes a debt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="56"/>
        <source>Debt amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="57"/>
        <source>Detained before return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="58"/>
        <source>Days detained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="59"/>
        <source>Wants a job referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="60"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="61"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="62"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="63"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="64"/>
        <source>Checkpoint name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="65"/>
        <source>Agency or facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="66"/>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="67"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="71"/>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="72"/>
        <source>Plate or number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="73"/>
        <source>Handover reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="74"/>
        <source>Handover date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="75"/>
        <source>Referring authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="76"/>
        <source>Expected head count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="77"/>
        <source>Interpreter&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="78"/>
        <source>Role in the household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="82"/>
        <source>Consent to the TB screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="83"/>
        <source>Chest X-ray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="84"/>
        <source>Chest X-ray date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="85"/>
        <source>CAD score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="86"/>
        <source>X-ray read by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="87"/>
        <source>Sputum collected on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="88"/>
        <source>Specimen id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="89"/>
        <source>Xpert result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="90"/>
        <source>Xpert date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="91"/>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="92"/>
        <source>TB register number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="93"/>
        <source>Treatment started on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="94"/>
        <source>Treatment outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="95"/>
        <source>Outcome date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="45"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="46"/>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="47"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="48"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpForm</name>
    <message>
        <location filename="../views/follow_up.py" line="53"/>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="58"/>
        <location filename="../views/follow_up.py" line="166"/>
        <source>Choose a referral in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="68"/>
        <source>Next stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="90"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="93"/>
        <source>&amp;Next stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="94"/>
        <source>Chest &amp;X-ray result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="95"/>
        <source>X&amp;pert result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="96"/>
        <source>&amp;Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="97"/>
        <source>&amp;Treatment started on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="98"/>
        <source>Treatment &amp;facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="99"/>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="101"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="105"/>
        <source>&amp;Save follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="107"/>
        <source>Save follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="108"/>
        <source>Save (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="138"/>
        <source>Not recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="175"/>
        <source>%1, referred on %2 to %3. Stage: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="184"/>
        <source>%1 (current stage: add a result)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="202"/>
        <source>This referral is closed; nothing more can be recorded on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="204"/>
        <source>Your role can see referrals but not record follow-up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../views/health_post.py" line="594"/>
        <location filename="../views/health_post.py" line="608"/>
        <source>Overdue after (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="597"/>
        <source>&amp;Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="599"/>
        <source>Show &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="603"/>
        <source>Open TB referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="633"/>
        <source>home province not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="634"/>
        <source>OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="635"/>
        <source>%1 day(s) since the last step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="638"/>
        <source>opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="652"/>
        <source>%1 open TB referral(s); %2 waiting more than %3 day(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../dialogs/form.py" line="73"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="79"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="107"/>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="108"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="109"/>
        <source>Passphrase a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="110"/>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="112"/>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="118"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="119"/>
        <source>Use several words: at least 12 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="130"/>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="31"/>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="36"/>
        <location filename="../views/arrivals/group_dialog.py" line="41"/>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="37"/>
        <source>Bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="37"/>
        <source>Truck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="37"/>
        <source>Van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="38"/>
        <source>On foot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="38"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="43"/>
        <source>Plate or number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="44"/>
        <source>Handover reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="45"/>
        <source>Handover date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="45"/>
        <source>31/12/2026 or 2569-12-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="46"/>
        <source>Thai detention or referring authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="47"/>
        <source>Expected head count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="56"/>
        <source>Return type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="58"/>
        <source>Why the group was not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="60"/>
        <source>&amp;Create the group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthPost</name>
    <message>
        <location filename="../views/health_post.py" line="55"/>
        <source>Cured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="56"/>
        <source>Treatment completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="57"/>
        <source>Treatment failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="58"/>
        <source>Died</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="59"/>
        <source>Lost to follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="60"/>
        <source>Not evaluated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="63"/>
        <source>Screened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="64"/>
        <source>Presumptive TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="65"/>
        <source>Chest X-ray done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="66"/>
        <source>X-ray abnormal, suggestive of TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="67"/>
        <source>Sputum collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="68"/>
        <source>Xpert done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="69"/>
        <source>TB diagnosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="70"/>
        <source>  bacteriologically confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="71"/>
        <source>  clinically diagnosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="72"/>
        <source>Rifampicin resistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="73"/>
        <source>Treatment started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="74"/>
        <source>Diagnosed, treatment not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="75"/>
        <source>Number needed to screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthPostPage</name>
    <message>
        <location filename="../views/health_post.py" line="728"/>
        <source>&amp;Health post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="732"/>
        <source>TB &amp;cascade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="736"/>
        <source>&amp;Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="738"/>
        <source>TB &amp;policy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthPostView</name>
    <message>
        <location filename="../views/health_post.py" line="122"/>
        <source>Find a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="122"/>
        <source>Name, document, phone or birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="125"/>
        <source>Persons found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="126"/>
        <source>Find a person, then press Enter on their name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="131"/>
        <source>Arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="134"/>
        <source>Call &amp;next from the health post queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="136"/>
        <source>&amp;Done: close the queue entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="143"/>
        <source>TB screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="145"/>
        <source>The person &amp;agrees to the TB screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="161"/>
        <location filename="../views/health_post.py" line="163"/>
        <source>Days of cough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="164"/>
        <location filename="../views/health_post.py" line="167"/>
        <source>HIV status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="165"/>
        <source>Positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="165"/>
        <source>Negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="166"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="168"/>
        <source>Chest X-ray reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="169"/>
        <source>No X-ray now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="170"/>
        <source>CAD score (0-100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="170"/>
        <source>if the machine gives one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="171"/>
        <location filename="../views/health_post.py" line="174"/>
        <source>Read by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="172"/>
        <source>Chest &amp;X-ray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="173"/>
        <source>CAD score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="175"/>
        <source>&amp;Record TB screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="184"/>
        <source>TB pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="188"/>
        <location filename="../views/health_post.py" line="189"/>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="193"/>
        <location filename="../views/health_post.py" line="194"/>
        <source>Sputum collected on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="195"/>
        <source>Specimen id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="196"/>
        <location filename="../views/health_post.py" line="197"/>
        <source>Xpert result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="198"/>
        <location filename="../views/health_post.py" line="201"/>
        <location filename="../views/health_post.py" line="209"/>
        <location filename="../views/health_post.py" line="212"/>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="199"/>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="202"/>
        <location filename="../views/health_post.py" line="203"/>
        <source>TB register number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="204"/>
        <location filename="../views/health_post.py" line="205"/>
        <source>Treatment started on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="206"/>
        <location filename="../views/health_post.py" line="207"/>
        <source>Treatment facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="210"/>
        <location filename="../views/health_post.py" line="211"/>
        <source>Treatment outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="213"/>
        <source>Outcome on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="217"/>
        <source>&amp;Save step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="219"/>
        <source>&amp;Transfer for treatment (nearest home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="221"/>
        <source>&amp;Print transfer slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="297"/>
        <source>No one found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="327"/>
        <source>home province not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="333"/>
        <source>Arrived %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="352"/>
        <source>No TB referral yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="362"/>
        <source>TB screen saved. This person already has an open TB referral (%1, opened %2): the screen continued it; no second referral was opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="371"/>
        <source>X-ray: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="373"/>
        <source>sputum %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="375"/>
        <source>Xpert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="379"/>
        <source>register %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="381"/>
        <source>treatment from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="391"/>
        <source>No one is waiting at the health post.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="394"/>
        <source>Called from the queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="409"/>
        <source>Done at the health post. Call the next person when ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="441"/>
        <source>TB screen saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="478"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="498"/>
        <source>Transfer slip: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="501"/>
        <source>Transfer recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../windows/main_window.py" line="150"/>
        <source>Unfinished registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="145"/>
        <source>New registration (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="164"/>
        <source>Unfinished registrations (Enter to resume):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="92"/>
        <source>Arrived today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="94"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="98"/>
        <source>of them, registered by you, with trafficking indicators present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="99"/>
        <source>of them, with trafficking indicators present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="100"/>
        <source>arrived today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="101"/>
        <source>of them, referred for TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="103"/>
        <source>of them, checklist not asked (not screened)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="104"/>
        <source>of them, safety rule: protection referral today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="106"/>
        <source>of them, presumptive TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="107"/>
        <source>TB treatment started today (people of any day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="108"/>
        <source>your unfinished registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="109"/>
        <source>waiting to sync with HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="131"/>
        <source>The state at this moment; updated as it changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="200"/>
        <source>%1, local time, since 00:00. Counted by arrival time: screenings count with the arrival they belong to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="209"/>
        <source>(no name yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="221"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="229"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="240"/>
        <source>Print referral slip %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HqAddressDialog</name>
    <message>
        <location filename="../views/sync_panel.py" line="416"/>
        <source>HQ moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="416"/>
        <source>Use this address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="417"/>
        <source>HQ&apos;s new &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="417"/>
        <source>HQ&apos;s new address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="419"/>
        <source>&amp;Why it changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="420"/>
        <source>Why the address changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="421"/>
        <source>HQ&apos;s keys stay the same: only the real HQ can answer at the new address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="426"/>
        <source>Enter HQ&apos;s new address and why it changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../wizards/registration/identity.py" line="48"/>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="49"/>
        <source>Scan the passport (the reader types into the first box) or type the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="53"/>
        <source>Passport machine-readable zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="54"/>
        <source>Scan passport here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="66"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="66"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="66"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="67"/>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="68"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="84"/>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="85"/>
        <source>This person may already be registered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="86"/>
        <source>Add this arrival to the selected person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="90"/>
        <source>No, register a new person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="159"/>
        <source>The nationality code %1 is not in the country list: choose the citizenship.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="210"/>
        <source>Choose the citizenship: the document&apos;s nationality code is not in the country list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="220"/>
        <source>Check the marked fields against the passport, then press Enter on each (a check digit did not match).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="257"/>
        <source>same document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="258"/>
        <source>same name and birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="259"/>
        <source>same Khmer name and birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="260"/>
        <source>similar name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="260"/>
        <source>same phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="287"/>
        <source>New arrival for a person already registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="288"/>
        <source>A new phone or destination typed here corrects the person&apos;s record.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="45"/>
        <source>Import a handover list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="51"/>
        <source>No file chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="53"/>
        <source>&amp;Choose the list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="58"/>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="63"/>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="65"/>
        <source>Plate or number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="65"/>
        <source>Handover reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="66"/>
        <source>Handover date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="67"/>
        <source>Thai detention or referring authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="68"/>
        <source>Expected head count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="75"/>
        <source>Which column holds what:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="85"/>
        <source>Chec&amp;k the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="95"/>
        <source>Rows that cannot be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="97"/>
        <source>Import only the &amp;good rows (the others stay listed here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="100"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="111"/>
        <source>Choose the handover list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="112"/>
        <source>Lists (*.csv *.xlsx *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="147"/>
        <source>The file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="167"/>
        <source>Row %1 · %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="170"/>
        <source>%1 good rows, %2 with problems.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JourneyPage</name>
    <message>
        <location filename="../wizards/registration/journey.py" line="24"/>
        <source>Journey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/journey.py" line="40"/>
        <source>Interpreter used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/journey.py" line="42"/>
        <source>A person who seems to control them is present (interview them separately)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../windows/login.py" line="102"/>
        <source>Checkpoint — sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="104"/>
        <location filename="../windows/login.py" line="122"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="111"/>
        <location filename="../windows/login.py" line="123"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="113"/>
        <location filename="../windows/login.py" line="124"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="115"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="119"/>
        <source>Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="147"/>
        <source>Enter your user name and passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="170"/>
        <source>The passphrase was typed with a non-English keyboard layout. If it is in English letters, switch the keyboard to English (Win+Space), then type the passphrase again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../windows/main_window.py" line="260"/>
        <source>Checkpoint — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="267"/>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="280"/>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="282"/>
        <source>New registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="284"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="286"/>
        <source>TB referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="288"/>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="290"/>
        <source>Health post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="292"/>
        <source>Arrivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="294"/>
        <source>Assistance desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="296"/>
        <source>NEA desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="298"/>
        <source>Check a slip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="299"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="347"/>
        <source>&amp;Sync with HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="350"/>
        <source>Assistance fi&amp;gures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="395"/>
        <source>HQ: %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NeaDeskView</name>
    <message>
        <location filename="../views/nea.py" line="51"/>
        <source>No one is being served. Press F5 to call the next person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="54"/>
        <source>Call next (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="80"/>
        <source>Work abroad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="81"/>
        <source>Years of experience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="82"/>
        <source>Main skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="83"/>
        <source>Other skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="84"/>
        <source>Education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="85"/>
        <source>Job looked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="86"/>
        <source>Where in Cambodia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="89"/>
        <location filename="../views/nea.py" line="93"/>
        <source>Would work abroad again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="91"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="91"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="91"/>
        <source>maybe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="95"/>
        <source>Available from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="95"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="96"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="97"/>
        <source>Second contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="98"/>
        <source>Second contact&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="99"/>
        <source>Commune of residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="106"/>
        <source>The person agrees to be registered with NEA (read the text above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="109"/>
        <source>Register with NEA (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="127"/>
        <source>No one is waiting at the NEA desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="179"/>
        <source>Call a person first (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="182"/>
        <source>Without the person&apos;s consent nothing is registered with NEA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="195"/>
        <source>Registered with NEA.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NeaExportBox</name>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="59"/>
        <source>NEA job registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="71"/>
        <source>First day (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="74"/>
        <source>Last day (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="80"/>
        <source>Layout of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="81"/>
        <source>Choose a mapping f&amp;ile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="82"/>
        <source>Choose a mapping file for NEA&apos;s own template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="83"/>
        <source>Documented la&amp;yout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="84"/>
        <source>Use the documented NEA layout, no mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="85"/>
        <source>Export for &amp;NEA…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="86"/>
        <source>Export the NEA registrations as a CSV or XLSX file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="92"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="94"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="95"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="98"/>
        <source>Registered from, to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="99"/>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="113"/>
        <source>Mapping file for NEA&apos;s template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="114"/>
        <source>Mapping files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/nea_export.py" line="119"/>
        <source>The documented NEA layout (%n column(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/nea_export.py" line="122"/>
        <source>Mapping %1: %n column(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="161"/>
        <source>That file already exists. Nothing was overwritten: choose a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="173"/>
        <source>Write the dates as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/nea_export.py" line="186"/>
        <source>%n NEA registration(s) written to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="188"/>
        <source>This file is NOT encrypted. Keep it only on an encrypted disk, hand it to NEA only, and delete it when you are done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../windows/login.py" line="51"/>
        <source>with the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="53"/>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="57"/>
        <source>Your role was changed to %1 %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="60"/>
        <source>Your passphrase is too easy to guess by today&apos;s rules: please change it, or ask a supervisor to set a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="63"/>
        <source>Your account was reinstated %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="65"/>
        <source>Your passphrase was reset %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="77"/>
        <source>Changes to your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="79"/>
        <source>If you did not expect this, tell your supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="14"/>
        <source>Indicators of trafficking present — refer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="15"/>
        <source>Combination of indicators not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="16"/>
        <source>Presumptive TB — refer the same day for chest X-ray and Xpert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="18"/>
        <source>No symptoms but at high risk — refer for chest X-ray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="19"/>
        <source>TB screen negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="20"/>
        <source>Checklist not asked — not screened (this is not a finding)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <location filename="../windows/login.py" line="43"/>
        <source>Acceptable. A few more words make it much stronger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="44"/>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../dialogs/users.py" line="51"/>
        <source>New passphrase for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="52"/>
        <source>&amp;Set passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="59"/>
        <source>&amp;Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="60"/>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassportScan</name>
    <message>
        <location filename="../passport_scan.py" line="26"/>
        <source>Passport read: all check digits correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../passport_scan.py" line="28"/>
        <source>Some check digits do not match (%1): re-scan, or check the fields by hand. This is not evidence of forgery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../passport_scan.py" line="32"/>
        <source>The passport has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../passport_scan.py" line="33"/>
        <source>Names are not check-digit protected: confirm them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../passport_scan.py" line="39"/>
        <source>The scan arrived in another keyboard layout, not English. Switch the keyboard to English (Win+Space), then scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../passport_scan.py" line="45"/>
        <source>Could not read the document. Re-scan it, or type the details.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonDetail</name>
    <message>
        <location filename="../views/person_record.py" line="44"/>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="45"/>
        <source>Viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="46"/>
        <source>Identity corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="47"/>
        <source>Arrival corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="48"/>
        <source>Arrival approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="49"/>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="50"/>
        <source>Referral added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="51"/>
        <source>Referral updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="54"/>
        <source>Indicators of trafficking present — refer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="55"/>
        <source>Indicators not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="56"/>
        <source>Checklist not asked — not screened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="59"/>
        <source>Under 18 with exploitation indicators: child protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="60"/>
        <source>Exploitation indicators only (the full rule is not met)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="61"/>
        <source>An indicator grade used here is not yet verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="64"/>
        <source>Presumptive TB — refer the same day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="65"/>
        <source>A TB risk factor — refer for a chest X-ray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="66"/>
        <source>Screen negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="69"/>
        <source>Protection referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="70"/>
        <source>Child-protection referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="71"/>
        <source>Health referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="74"/>
        <source>referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="75"/>
        <source>arrived at the facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="76"/>
        <source>chest X-ray done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="77"/>
        <source>Xpert test done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="78"/>
        <source>diagnosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="79"/>
        <source>treatment started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="80"/>
        <source>lost to follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="81"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="85"/>
        <source>Referral received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="86"/>
        <source>Person arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="87"/>
        <source>Assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="88"/>
        <source>Assistance given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="89"/>
        <source>In shelter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="90"/>
        <source>Family tracing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="91"/>
        <source>Reintegration plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="92"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="93"/>
        <source>Did not arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="96"/>
        <source>Reintegrated with family or community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="97"/>
        <source>Assistance completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="98"/>
        <source>Transferred to another organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="99"/>
        <source>The person declined assistance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="100"/>
        <source>Contact lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="101"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="104"/>
        <source>storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="105"/>
        <source>screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="106"/>
        <source>referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="107"/>
        <source>sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="110"/>
        <source>the whole record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="111"/>
        <source>an arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="112"/>
        <source>a trafficking-indicator screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="113"/>
        <source>a TB screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="114"/>
        <source>a referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="175"/>
        <source>Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="192"/>
        <source>Protection section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="276"/>
        <source>Made without consent: immediate danger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="283"/>
        <source>%1 (recorded by the partner on %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="297"/>
        <source>%1 (device %2 / user %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="341"/>
        <source>Trafficking interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="342"/>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="343"/>
        <source>Sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="344"/>
        <source>NEA job registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="345"/>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="357"/>
        <source>given by the guardian %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="360"/>
        <source>withdrawn %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="57"/>
        <location filename="../views/person_detail.py" line="160"/>
        <source>Select a person and press Enter to open the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="58"/>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="60"/>
        <source>Correct identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="62"/>
        <source>Void…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="64"/>
        <source>Void a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="69"/>
        <source>Refer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="71"/>
        <source>Refer the person to an agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="74"/>
        <source>Withdraw consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="76"/>
        <source>Withdraw a consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="80"/>
        <source>Fetch back from HQ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="82"/>
        <source>Fetch the removed protection section back from HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="143"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="204"/>
        <source>This record was voided: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="226"/>
        <source>Minimised on %1: the protection section and notes were removed from this laptop; a supervisor can fetch them back from HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="233"/>
        <source>No arrivals recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="349"/>
        <source>This laptop has no link to HQ (it is not set up to sync): nothing was fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="354"/>
        <source>Fetching the record back from HQ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="368"/>
        <source>Fetched back from HQ: the protection section and notes are on this laptop again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="375"/>
        <source>HQ cannot be reached (no network?): nothing was fetched and nothing changed. Try again when the laptop is online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="146"/>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="157"/>
        <source>%1 (estimated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="170"/>
        <location filename="../views/person_record.py" line="323"/>
        <source>Arrival %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="163"/>
        <source>(voided)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="182"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="183"/>
        <source>Waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="184"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="190"/>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="201"/>
        <source>Trafficking indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="199"/>
        <source>Not screened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="187"/>
        <location filename="../views/person_record.py" line="354"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="187"/>
        <location filename="../views/person_record.py" line="355"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="195"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="200"/>
        <source>Not visible to your role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="223"/>
        <location filename="../views/person_record.py" line="340"/>
        <source>TB screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="236"/>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="241"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="243"/>
        <source>Approve the arrival of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="265"/>
        <source>%1 (details not visible to your role)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="271"/>
        <source>%1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="290"/>
        <source>History of changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="300"/>
        <source>device %1 / user %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="309"/>
        <source>reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="319"/>
        <source>This person&apos;s whole record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="327"/>
        <source>Trafficking-indicator screen of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="331"/>
        <source>TB screen of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonsModel</name>
    <message>
        <location filename="../models/persons.py" line="145"/>
        <source>Last arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/persons.py" line="152"/>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/persons.py" line="172"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/persons.py" line="172"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/persons.py" line="172"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/persons.py" line="173"/>
        <source>Not specified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/persons.py" line="175"/>
        <source>%1 (estimated)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyView</name>
    <message>
        <location filename="../views/health_post.py" line="671"/>
        <source>A chest &amp;X-ray is taken here (on site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="673"/>
        <source>Recent &amp;detention alone sends a person to the X-ray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="681"/>
        <source>&amp;Save the TB policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="696"/>
        <source>Only a supervisor can change the TB policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="712"/>
        <source>Saved. The TB policy applies from the next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProtectionFollowUpTab</name>
    <message>
        <location filename="../views/protection_follow_up.py" line="54"/>
        <source>Show closed referrals too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/protection_follow_up.py" line="56"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/protection_follow_up.py" line="61"/>
        <source>Protection referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/protection_follow_up.py" line="63"/>
        <source>Close as lost to follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/protection_follow_up.py" line="94"/>
        <source>nothing yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/protection_follow_up.py" line="100"/>
        <source>%1 — to %2 (%3), referred %4: %5. Partner: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/protection_follow_up.py" line="105"/>
        <source>%n referral(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/protection_follow_up.py" line="116"/>
        <source>Choose a referral in the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvisioningWizard</name>
    <message>
        <location filename="../windows/login.py" line="198"/>
        <source>Set up this checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="205"/>
        <source>Checkpoint and first supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="206"/>
        <source>Poipet checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="207"/>
        <location filename="../windows/login.py" line="222"/>
        <source>Checkpoint name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="209"/>
        <location filename="../windows/login.py" line="223"/>
        <source>Supervisor user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="211"/>
        <location filename="../windows/login.py" line="224"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="213"/>
        <location filename="../windows/login.py" line="225"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="215"/>
        <location filename="../windows/login.py" line="226"/>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="232"/>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="233"/>
        <source>Write this code down or print it, and keep it locked away. It opens the records if every passphrase is forgotten. It is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="239"/>
        <location filename="../windows/login.py" line="240"/>
        <source>I have written down the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="250"/>
        <source>Open Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="258"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickRegistrationForm</name>
    <message>
        <location filename="../views/arrivals/quick.py" line="133"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="137"/>
        <source>Import a &amp;list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="141"/>
        <source>New &amp;group… (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="146"/>
        <source>&amp;Add a person not on the list (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="156"/>
        <source>Rows of the list waiting for registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="162"/>
        <source>Passport machine-readable zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="163"/>
        <source>Scan passport here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="172"/>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="172"/>
        <source>Given names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="173"/>
        <source>Name in Khmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="173"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="174"/>
        <source>Document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="175"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="175"/>
        <source>Destination district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="176"/>
        <source>Destination commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="176"/>
        <source>Destination village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="181"/>
        <location filename="../views/arrivals/quick.py" line="197"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="182"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="182"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="182"/>
        <location filename="../views/arrivals/quick.py" line="315"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="183"/>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="186"/>
        <location filename="../views/arrivals/quick.py" line="195"/>
        <source>Document type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="188"/>
        <location filename="../views/arrivals/quick.py" line="199"/>
        <source>Destination province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="208"/>
        <source>31/12/1990 (or 2533), or an age: 35</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="211"/>
        <source>Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="214"/>
        <source>Role in the household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="215"/>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="215"/>
        <source>Spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="215"/>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="216"/>
        <source>Other relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="223"/>
        <source>Household and role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="226"/>
        <location filename="../views/arrivals/quick.py" line="232"/>
        <source>Interpreter&apos;s language (ISO 639)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="236"/>
        <source>&amp;Injured or acutely ill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="237"/>
        <source>&amp;Pregnant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="237"/>
        <source>&amp;Disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="238"/>
        <source>&amp;Older person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="239"/>
        <source>&amp;Controlling person present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="240"/>
        <source>&amp;Visible distress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="246"/>
        <source>This person may already be registered: Enter on one adds this arrival to that person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="252"/>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="254"/>
        <source>&amp;Use the selected person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="257"/>
        <source>A &amp;new person, not one of these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="267"/>
        <source>Why the arrival was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="314"/>
        <source>Bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="314"/>
        <source>Truck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="314"/>
        <source>Van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="315"/>
        <source>On foot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="319"/>
        <source>No group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="341"/>
        <source>Expected %1 · registered %2 · left %3 · waiting %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="361"/>
        <source>No household (or the list&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="363"/>
        <source>Household: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="364"/>
        <source>New household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="393"/>
        <source>A person not on the list: type the details, Enter saves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="453"/>
        <source>The nationality code %1 is not in the country list: register this person with the full registration, which asks the citizenship.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="536"/>
        <source>Destination province: not in the list. Choose one of the provinces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="539"/>
        <source>Interpreter&apos;s language: not in the list. Choose a language, or type its ISO 639 code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="618"/>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="618"/>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="618"/>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="625"/>
        <source>%1 · %2 · born %3 · last arrival %4 at %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="659"/>
        <source>Saved. %1 queue places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="661"/>
        <source>accompanied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="661"/>
        <source>separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="662"/>
        <source>unaccompanied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="663"/>
        <source>Child: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="667"/>
        <source>Guardian: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../dialogs/corrections.py" line="57"/>
        <source>Why is this needed? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="59"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="65"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="86"/>
        <source>%1: give a reason (at least 3 characters).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <location filename="../views/records.py" line="52"/>
        <source>Search persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/records.py" line="53"/>
        <source>Search: name (Latin or Khmer), document number, phone or date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/records.py" line="72"/>
        <source>Persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/records.py" line="173"/>
        <source>Press Enter to open the selected person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/records.py" line="185"/>
        <source>%n persons found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/records.py" line="187"/>
        <source>(only the first %n are shown; refine the search)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/records.py" line="189"/>
        <source>%n persons</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <location filename="../dialogs/refer.py" line="37"/>
        <source>Refer the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="39"/>
        <location filename="../dialogs/refer.py" line="56"/>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="40"/>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="40"/>
        <source>Same day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="41"/>
        <source>Immediate danger (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="53"/>
        <source>Why you refer the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="57"/>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="58"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="60"/>
        <source>Refer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="65"/>
        <source>Suggested urgency is raised: a controlling person was present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="85"/>
        <source>Choose the agency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="89"/>
        <source>Say why you refer the person.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Referral</name>
    <message>
        <location filename="../models/referrals.py" line="31"/>
        <source>Referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="32"/>
        <source>Arrived at the facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="33"/>
        <source>Chest X-ray done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="34"/>
        <source>Xpert test done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="35"/>
        <source>Diagnosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="36"/>
        <source>Treatment started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="37"/>
        <source>Lost to follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="38"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="41"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="42"/>
        <source>Abnormal, suggestive of TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="43"/>
        <source>Abnormal, not suggestive of TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="46"/>
        <source>MTB not detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="47"/>
        <source>MTB detected, rifampicin resistance not detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="48"/>
        <source>MTB detected, rifampicin resistance detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="49"/>
        <source>MTB detected, rifampicin resistance indeterminate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="51"/>
        <source>Error, invalid or no result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="52"/>
        <source>MTB detected, trace (rifampicin resistance indeterminate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="55"/>
        <source>Bacteriologically confirmed TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="56"/>
        <source>Clinically diagnosed TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="57"/>
        <source>Not TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="146"/>
        <source>Chest X-ray result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="147"/>
        <source>Xpert result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="148"/>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="149"/>
        <source>Treatment started on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="150"/>
        <source>Treatment facility</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralsModel</name>
    <message>
        <location filename="../models/referrals.py" line="99"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="99"/>
        <source>Name in Khmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="99"/>
        <source>Referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="100"/>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="100"/>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="100"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="117"/>
        <source>Lost to follow-up (after: %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralsView</name>
    <message>
        <location filename="../views/referrals.py" line="64"/>
        <source>Show referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="65"/>
        <source>Open (need follow-up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="66"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="69"/>
        <source>S&amp;how:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="71"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="73"/>
        <source>Refresh the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="84"/>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/referrals.py" line="153"/>
        <source>%n referral(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="155"/>
        <source>(only the oldest are shown; choose a narrower filter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="236"/>
        <source>Saved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationWizard</name>
    <message>
        <location filename="../wizards/registration/wizard.py" line="42"/>
        <source>New registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/wizard.py" line="42"/>
        <source>Full registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/wizard.py" line="54"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionBox</name>
    <message>
        <location filename="../views/supervisor/retention.py" line="49"/>
        <source>Data minimisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="60"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="61"/>
        <source>Retention period after HQ acknowledged a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="62"/>
        <source>Save &amp;period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="62"/>
        <source>Save the retention period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="63"/>
        <source>&amp;Count what would go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="64"/>
        <source>Count the records whose protection section would be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="65"/>
        <source>&amp;Minimise now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="66"/>
        <source>Remove the protection section of records HQ holds, past the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="70"/>
        <source>Your passphrase in the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="71"/>
        <source>Rest&amp;ore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="72"/>
        <source>Restore a backup as a new store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="74"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="75"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="81"/>
        <source>Once HQ has acknowledged a record and this period has passed, the trafficking answers, recruiter and debt details and free-text notes leave this computer. HQ keeps them; a supervisor can fetch a record back. A record with an open protection referral keeps them until the referral closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="89"/>
        <source>Retention period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="98"/>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="118"/>
        <source>Choose the backup to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="119"/>
        <source>Checkpoint backups (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/retention.py" line="136"/>
        <source>Retention period saved: %n day(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/retention.py" line="143"/>
        <source>%n record(s) would lose their protection section.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/retention.py" line="144"/>
        <source>%n record(s) lost their protection section; HQ keeps it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/retention.py" line="147"/>
        <source>%n record(s) keep it for now.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="180"/>
        <source>Backup restored as %1. Open it from the sign-in screen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../models/review.py" line="32"/>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/review.py" line="32"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/review.py" line="32"/>
        <source>Name in Khmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/review.py" line="33"/>
        <source>Registered by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../wizards/registration/review.py" line="33"/>
        <source>Review and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="39"/>
        <source>Why: the ILO rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="41"/>
        <source>Why the person goes to the private room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="44"/>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="62"/>
        <source>Referrals (untick to leave one out; a child always gets child protection):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="66"/>
        <source>Add a referral…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="67"/>
        <source>Add a referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="76"/>
        <source>Existing person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="78"/>
        <source>age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="97"/>
        <source>Red flag: the person goes to the private room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="103"/>
        <source>No screening (no consent to screening).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="109"/>
        <source>TB referral already open (slip %1, since %2): the health post continues it, no new TB referral is suggested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="124"/>
        <source>Made without consent: immediate danger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="170"/>
        <source>Protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="170"/>
        <source>Child protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="171"/>
        <source>Health facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="172"/>
        <source>immediate danger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="172"/>
        <source>same day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="173"/>
        <source>routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="177"/>
        <source>%1: %2 · %3 — %4</source>
        <comment>referral: kind, agency, urgency, reason</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../views/supervisor/review.py" line="36"/>
        <source>Arrivals waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/review.py" line="38"/>
        <source>&amp;Approve selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/review.py" line="38"/>
        <source>Approve the selected arrivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/review.py" line="39"/>
        <source>Refresh the review list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/review.py" line="39"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/review.py" line="42"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/review.py" line="78"/>
        <source>%n arrival(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/supervisor/review.py" line="80"/>
        <source>(the oldest %1 are shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/review.py" line="111"/>
        <source>%n arrival(s) approved.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/review.py" line="114"/>
        <source>%n arrival(s) not approved: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../dialogs/users.py" line="72"/>
        <source>Role of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="73"/>
        <source>&amp;Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="75"/>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="75"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <location filename="../slip.py" line="136"/>
        <source>Print referral slip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlipCheckDialog</name>
    <message>
        <location filename="../dialogs/slip_check.py" line="61"/>
        <source>Check a slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="63"/>
        <source>Scan the QR code on the referral slip, or paste its text, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="67"/>
        <source>Slip code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="68"/>
        <source>CPR2.…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="74"/>
        <location filename="../dialogs/slip_check.py" line="121"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="75"/>
        <source>Reason in English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="76"/>
        <source>Reason in Khmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="77"/>
        <source>Where and when the slip was printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="78"/>
        <source>The person the slip names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="80"/>
        <source>What to check, in English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="81"/>
        <source>What to check, in Khmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="82"/>
        <source>&amp;Open the record (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="84"/>
        <source>Open the person&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="91"/>
        <source>&amp;Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="118"/>
        <source>VALID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="118"/>
        <source>NOT VALID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="126"/>
        <source>Printed at %1 on %2, valid until %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="129"/>
        <source>HQ&apos;s keys as of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="131"/>
        <source>HQ&apos;s list of other checkpoints&apos; keys is past its expiry: sync with HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="133"/>
        <source>That list is more than %1 days old: a slip signed with a key HQ has revoked since may still show as valid here. Sync with HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="142"/>
        <source>Sex: %1 · Age at arrival: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="144"/>
        <source>%1 to %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <location filename="../app.py" line="172"/>
        <source>This store is already open in another Checkpoint window. Switch to that window (it may be minimised), or close it first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationQueueView</name>
    <message>
        <location filename="../views/arrivals/queue.py" line="51"/>
        <source>SURGE MODE: quick registration only; interviews for the flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="59"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="60"/>
        <source>Private interview room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="60"/>
        <location filename="../views/arrivals/queue.py" line="201"/>
        <source>Health post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="61"/>
        <source>NEA desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="61"/>
        <source>Assistance desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="66"/>
        <source>Call next (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="70"/>
        <source>Laptops of this checkpoint share the queue through HQ whenever a link exists; without one, this laptop&apos;s queue is its own and merges at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="77"/>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="81"/>
        <source>Done (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="82"/>
        <source>Referred (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="83"/>
        <source>Left before being seen (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="122"/>
        <source>being seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="123"/>
        <source>waiting %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="126"/>
        <source>red flags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="131"/>
        <source>Waiting %1 · seen %2 · referred %3 · left before being seen %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="146"/>
        <source>No one is waiting at this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="183"/>
        <source>This person&apos;s full registration is already recorded: interview them and close the entry (Ctrl+D).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <location filename="../views/supervisor/view.py" line="42"/>
        <source>Supervisor tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="49"/>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="51"/>
        <source>&amp;Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="53"/>
        <source>&amp;Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="60"/>
        <source>Pro&amp;tection referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="61"/>
        <source>Your role has no supervisor tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="84"/>
        <source>Export to a new CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="84"/>
        <location filename="../views/supervisor/view.py" line="87"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="86"/>
        <source>Export for NEA to a new file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="87"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="89"/>
        <source>Restore the backup as a new store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="91"/>
        <source>Write the backup to a new file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="89"/>
        <location filename="../views/supervisor/view.py" line="91"/>
        <source>Checkpoint backups (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurgePanel</name>
    <message>
        <location filename="../views/arrivals/surge.py" line="21"/>
        <source>&amp;Surge mode: quick registration only, interviews for the flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/surge.py" line="26"/>
        <source>People who pass without registration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/surge.py" line="29"/>
        <source>&amp;Woman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/surge.py" line="29"/>
        <source>&amp;Man</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/surge.py" line="30"/>
        <source>&amp;Girl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/surge.py" line="30"/>
        <source>&amp;Boy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/arrivals/surge.py" line="57"/>
        <source>Women %1 · men %2 · girls %3 · boys %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../views/sync_panel.py" line="89"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="91"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="94"/>
        <source>Export batch to USB…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="96"/>
        <source>Import acknowledgement from USB…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="98"/>
        <source>HQ moved: change its address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="105"/>
        <source>Enroll this device with HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="107"/>
        <location filename="../views/sync_panel.py" line="115"/>
        <source>HQ address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="110"/>
        <source>One-time enrollment code (token and HQ key fingerprint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="111"/>
        <source>Enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="116"/>
        <source>One-time token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="122"/>
        <source>Batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="125"/>
        <source>Conflicts to decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="126"/>
        <source>Keep the value in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="128"/>
        <source>Keep the other value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="139"/>
        <source>Batches (newest first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="141"/>
        <source>The same field changed on two devices — decide which value stays:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="177"/>
        <source>Waiting to send: %1 · sent, awaiting HQ: %2 · acknowledged by HQ: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="180"/>
        <source>Last complete sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="182"/>
        <source>This device is not enrolled with HQ yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="185"/>
        <source>HQ set aside %1 record(s) with a reason; see the batches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="188"/>
        <source>HQ holds another copy of %1 event(s) of this device: a data manager at HQ decides which stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="192"/>
        <source>Decided at HQ: %1 conflict(s), HQ&apos;s copy kept. If this laptop&apos;s copy was right, correct the record here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="199"/>
        <source>Kept aside from HQ, not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="219"/>
        <source>HQ: %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="228"/>
        <source>No referral directory from HQ yet: the agencies shipped with the app are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="230"/>
        <source>Referral directory of %1 (version %2, %3 organisations).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="233"/>
        <source>Warning: the referral directory expired on %1. It stays in use; sync with HQ to renew it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="236"/>
        <source>HQ&apos;s latest directory was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="243"/>
        <source>Enrolled again with HQ %1 on %2, after HQ at %3 released this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="247"/>
        <source>Enrolled with HQ %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="286"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="291"/>
        <source>Sent %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="304"/>
        <source>Everything is at HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="306"/>
        <source>Stopped. Nothing was lost; the rest goes next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="308"/>
        <source>Not finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="309"/>
        <source>HQ has not acknowledged everything yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="326"/>
        <source>Enter HQ&apos;s address and the one-time enrollment code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="351"/>
        <source>HQ&apos;s address is now %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="363"/>
        <source>Export batch to USB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="365"/>
        <source>Import HQ&apos;s acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="375"/>
        <source>Nothing is waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="376"/>
        <source>Wrote %1 events to %2. Take it to HQ; bring back the acknowledgement file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="391"/>
        <source>HQ&apos;s acknowledgement applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="392"/>
        <source>This acknowledgement was already applied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TBPage</name>
    <message>
        <location filename="../wizards/registration/tb.py" line="27"/>
        <source>TB screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="31"/>
        <source>Cough now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="33"/>
        <source>Coughing up blood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="34"/>
        <source>Fever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="35"/>
        <source>Night sweats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="36"/>
        <source>Weight loss without trying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="37"/>
        <source>Poor weight gain (children under 15)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="38"/>
        <source>Not known / not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="39"/>
        <source>Negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="39"/>
        <source>Positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="41"/>
        <source>Lives with or is close to someone with TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="42"/>
        <source>Treated for TB before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="43"/>
        <source>Diabetes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="44"/>
        <source>Recently held in prison or immigration detention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="46"/>
        <location filename="../wizards/registration/tb.py" line="57"/>
        <source>Days of cough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="47"/>
        <location filename="../wizards/registration/tb.py" line="59"/>
        <source>HIV status (optional, sensitive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="50"/>
        <source>TB screen result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TraffickingPage</name>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="46"/>
        <source>Trafficking indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="47"/>
        <source>First the red-flag questions. Answer Y (yes) or N (no); an unanswered question is recorded as not asked. Each dimension is judged on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="54"/>
        <source>Red-flag questions (ask everyone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="64"/>
        <source>Red-flag result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="67"/>
        <location filename="../wizards/registration/trafficking.py" line="68"/>
        <source>Answer the questions not asked: no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="72"/>
        <source>Safety rule (not the ILO rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="83"/>
        <source>Checklist result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="88"/>
        <source>Age when exploited, if different (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="100"/>
        <source>Type of exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="109"/>
        <source>Type of exploitation (if any):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="214"/>
        <source>Private room: ask the full checklist there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="217"/>
        <source>No red flag. The full checklist is not asked: it is recorded as not screened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="220"/>
        <source>Ask every red-flag question; the full checklist stays open until they are answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="249"/>
        <source>Child: refer to child protection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="251"/>
        <source>An indicator whose grade is not yet verified was used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>User</name>
    <message>
        <location filename="../models/users.py" line="23"/>
        <source>Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/users.py" line="24"/>
        <source>Health worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/users.py" line="25"/>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/users.py" line="26"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/users.py" line="29"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/users.py" line="30"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/users.py" line="56"/>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/users.py" line="55"/>
        <source>Fair: a few more words make it stronger</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../models/users.py" line="71"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/users.py" line="71"/>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/users.py" line="71"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/users.py" line="72"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/users.py" line="72"/>
        <source>Wrong passphrases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../views/supervisor/users.py" line="37"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="38"/>
        <source>&amp;Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="38"/>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="39"/>
        <source>Reset &amp;passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="40"/>
        <source>Reset the selected user&apos;s passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="41"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="41"/>
        <source>Lock the selected account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="42"/>
        <source>U&amp;nlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="42"/>
        <source>Unlock the selected account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="43"/>
        <source>Change the selected user&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="43"/>
        <source>Change r&amp;ole…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="45"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="134"/>
        <source>User added. They can sign in with the passphrase you gave them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="140"/>
        <source>Passphrase changed for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="146"/>
        <source>Role changed for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="156"/>
        <source>%1 is reinstated with the new passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="162"/>
        <source>%1 is locked: their passphrase no longer opens the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="163"/>
        <source>%1 is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../dialogs/corrections.py" line="166"/>
        <source>Void a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="167"/>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="170"/>
        <source>Record to void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="173"/>
        <source>Voiding marks a record as entered in error. It is not deleted: it stays in the history with your reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="178"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../dialogs/withdraw.py" line="37"/>
        <source>Withdraw a consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/withdraw.py" line="38"/>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/withdraw.py" line="41"/>
        <source>Consent to withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/withdraw.py" line="44"/>
        <source>From now on the record is not shared, exported or printed for this purpose. The arrival itself stays on record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/withdraw.py" line="49"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <location filename="../widgets/fields.py" line="153"/>
        <source>&lt; Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/fields.py" line="154"/>
        <source>Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/fields.py" line="155"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/fields.py" line="156"/>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../widgets/fields.py" line="99"/>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/fields.py" line="100"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/fields.py" line="101"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
