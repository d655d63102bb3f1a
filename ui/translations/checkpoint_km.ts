<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="km_KH">
<context>
    <name></name>
    <message>
        <location filename="../messages.py" line="104"/>
        <source>Field</source>
        <translation type="unfinished">ចំណុចព័ត៌មាន</translation>
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
        <translation type="unfinished">ស្នូល</translation>
    </message>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="26"/>
        <source>Outcome</source>
        <translation type="unfinished">លទ្ធផល</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../dialogs/users.py" line="31"/>
        <source>Add a user</source>
        <translation type="unfinished">បន្ថែមអ្នកប្រើ</translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="32"/>
        <source>&amp;Add user</source>
        <translation type="unfinished">បន្ថែមអ្នកប្រើ (&amp;A)</translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="33"/>
        <source>&amp;User name</source>
        <translation type="unfinished">ឈ្មោះអ្នកប្រើ (&amp;U)</translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="33"/>
        <source>User name</source>
        <translation type="unfinished">ឈ្មោះអ្នកប្រើ</translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="35"/>
        <source>&amp;Display name</source>
        <translation type="unfinished">ឈ្មោះបង្ហាញ (&amp;D)</translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="35"/>
        <source>Display name</source>
        <translation type="unfinished">ឈ្មោះបង្ហាញ</translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="37"/>
        <source>&amp;Role</source>
        <translation type="unfinished">តួនាទី (&amp;R)</translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="37"/>
        <source>Role</source>
        <translation type="unfinished">តួនាទី</translation>
    </message>
</context>
<context>
    <name>AnswerBox</name>
    <message>
        <location filename="../wizards/registration/answers.py" line="66"/>
        <source>yes</source>
        <translation type="unfinished">បាទ/ចាស</translation>
    </message>
    <message>
        <location filename="../wizards/registration/answers.py" line="66"/>
        <source>no</source>
        <translation type="unfinished">ទេ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/answers.py" line="66"/>
        <source>not asked</source>
        <translation>មិនបានសួរ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/answers.py" line="67"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../context.py" line="76"/>
        <source>Not done</source>
        <translation type="unfinished">មិនបានសម្រេច</translation>
    </message>
</context>
<context>
    <name>ArrivalsView</name>
    <message>
        <location filename="../views/arrivals/__init__.py" line="31"/>
        <source>&amp;Quick registration</source>
        <translation>ចុះឈ្មោះរហ័ស (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/__init__.py" line="34"/>
        <source>S&amp;tation queue</source>
        <translation>ជួររង់ចាំនៅស្ថានីយ (&amp;T)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/__init__.py" line="37"/>
        <source>Surge and &amp;headcount</source>
        <translation>អ្នកមកច្រើន និងការរាប់ចំនួន (&amp;H)</translation>
    </message>
</context>
<context>
    <name>AssistanceDeskView</name>
    <message>
        <location filename="../views/assistance.py" line="51"/>
        <location filename="../views/assistance.py" line="163"/>
        <source>No one is being served. Press F5 to call the next person.</source>
        <translation>មិនទាន់មានអ្នកកំពុងទទួលសេវាទេ។ ចុច F5 ដើម្បីហៅអ្នកបន្ទាប់។</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="55"/>
        <source>Call next (F5)</source>
        <translation type="unfinished">ហៅអ្នកបន្ទាប់ (F5)</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="62"/>
        <source>Already received</source>
        <translation>បានទទួលរួចហើយ</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="63"/>
        <source>Already received (today first):</source>
        <translation>បានទទួលរួចហើយ (ថ្ងៃនេះមុនគេ)៖</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="67"/>
        <source>Water (W)</source>
        <translation>ទឹក (W)</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="67"/>
        <source>Meal (M)</source>
        <translation>អាហារ (M)</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="67"/>
        <source>Hygiene kit (H)</source>
        <translation>កញ្ចប់អនាម័យ (H)</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="68"/>
        <source>Transport ticket (T)</source>
        <translation>សំបុត្រធ្វើដំណើរ (T)</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="68"/>
        <source>Night in shelter (N)</source>
        <translation>ស្នាក់នៅមួយយប់ (N)</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="69"/>
        <source>Cash grant (C)</source>
        <translation>ប្រាក់ឧបត្ថម្ភ (C)</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="83"/>
        <source>Cash amount (riel):</source>
        <translation>ចំនួនប្រាក់ (រៀល)៖</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="86"/>
        <source>Cash amount (riel)</source>
        <translation>ចំនួនប្រាក់ (រៀល)</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="90"/>
        <source>Supervisor: reason to give a second cash grant</source>
        <translation>អ្នកគ្រប់គ្រង៖ មូលហេតុដើម្បីផ្តល់ប្រាក់ឧបត្ថម្ភលើកទីពីរ</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="91"/>
        <source>Reason for the override</source>
        <translation>មូលហេតុនៃការអនុញ្ញាតលើកលែង</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="125"/>
        <source>today</source>
        <translation>ថ្ងៃនេះ</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="128"/>
        <source>(void)</source>
        <translation>(ទុកជាមោឃៈ)</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="138"/>
        <source>Refused: a cash grant was already given on %1 (%2 %3, %4). A supervisor may give another with a reason (Ctrl+O).</source>
        <translation>បដិសេធ៖ ប្រាក់ឧបត្ថម្ភត្រូវបានផ្តល់រួចហើយនៅថ្ងៃ %1 (%2 %3, %4)។ អ្នកគ្រប់គ្រងអាចផ្តល់ម្តងទៀតដោយមានមូលហេតុ (Ctrl+O)។</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="150"/>
        <source>No one is waiting at the assistance desk.</source>
        <translation>គ្មាននរណារង់ចាំនៅតុជំនួយទេ។</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="170"/>
        <source>Type the amount as a number.</source>
        <translation>សូមវាយចំនួនប្រាក់ជាលេខ។</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="176"/>
        <source>Call a person first (F5).</source>
        <translation>សូមហៅមនុស្សម្នាក់ជាមុនសិន (F5)។</translation>
    </message>
    <message>
        <location filename="../views/assistance.py" line="183"/>
        <source>Recorded.</source>
        <translation>បានកត់ត្រា។</translation>
    </message>
</context>
<context>
    <name>AssistanceFiguresView</name>
    <message>
        <location filename="../views/assistance_figures.py" line="31"/>
        <source>From (YYYY-MM-DD)</source>
        <translation type="unfinished">ពី (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="34"/>
        <source>To (YYYY-MM-DD)</source>
        <translation type="unfinished">ដល់ (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="35"/>
        <source>Show</source>
        <translation>បង្ហាញ</translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="39"/>
        <source>From</source>
        <translation type="unfinished">ពី</translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="41"/>
        <source>to</source>
        <translation>ដល់</translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="58"/>
        <source>Write the dates as YYYY-MM-DD.</source>
        <translation type="unfinished">សូមសរសេរកាលបរិច្ឆេទជា YYYY-MM-DD ។</translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="66"/>
        <source>%1 handed out to %2 persons</source>
        <translation>បានចែក %1 ដល់មនុស្ស %2 នាក់</translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="67"/>
        <source>By kind and provider:</source>
        <translation>តាមប្រភេទ និងអ្នកផ្តល់៖</translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="70"/>
        <source>By sex and age:</source>
        <translation>តាមភេទ និងអាយុ៖</translation>
    </message>
    <message>
        <location filename="../views/assistance_figures.py" line="73"/>
        <source>By item:</source>
        <translation>តាមរបស់នីមួយៗ៖</translation>
    </message>
</context>
<context>
    <name>CascadeView</name>
    <message>
        <location filename="../views/health_post.py" line="516"/>
        <source>From (YYYY-MM-DD)</source>
        <translation>ពី (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="517"/>
        <source>To (YYYY-MM-DD)</source>
        <translation>ដល់ (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="520"/>
        <source>&amp;Show cascade</source>
        <translation>បង្ហាញដំណាក់កាលថែទាំ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="524"/>
        <source>TB cascade</source>
        <translation>ដំណាក់កាលថែទាំជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="528"/>
        <source>From</source>
        <translation>ពី</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="528"/>
        <source>To</source>
        <translation>ដល់</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="545"/>
        <source>Write the dates as YYYY-MM-DD.</source>
        <translation>សូមសរសេរកាលបរិច្ឆេទជា YYYY-MM-DD ។</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="552"/>
        <source>Persons screened from %1 to %2, followed to today.</source>
        <translation>អ្នកដែលបានពិនិត្យពី %1 ដល់ %2 តាមដានរហូតដល់ថ្ងៃនេះ។</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="554"/>
        <source>Female</source>
        <translation>ស្រី</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="554"/>
        <source>Male</source>
        <translation>ប្រុស</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="554"/>
        <source>Other</source>
        <translation>ផ្សេងទៀត</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="554"/>
        <source>Unknown</source>
        <translation>មិនដឹង</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="555"/>
        <location filename="../views/health_post.py" line="570"/>
        <source>Step</source>
        <translation>ដំណាក់កាល</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="555"/>
        <source>Total</source>
        <translation>សរុប</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="557"/>
        <source>Age unknown</source>
        <translation>មិនដឹងអាយុ</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="567"/>
        <source>Province unknown</source>
        <translation>មិនស្គាល់ខេត្ត</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="568"/>
        <source>By home province</source>
        <translation>តាមខេត្តកំណើត</translation>
    </message>
</context>
<context>
    <name>Checkpoint</name>
    <message>
        <location filename="../text.py" line="88"/>
        <source>another checkpoint (%1)</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ច្រកត្រួតពិនិត្យផ្សេងទៀត (%1)</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <location filename="../wizards/registration/consent.py" line="30"/>
        <source>Consent</source>
        <translation type="unfinished">ការយល់ព្រម</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="31"/>
        <source>Explain each purpose and ask separately. The person may refuse any of them, stop at any time, and need not answer every question.</source>
        <translation type="unfinished">សូមពន្យល់គោលបំណងនីមួយៗ ហើយសួរដាច់ដោយឡែកពីគ្នា។ សាមីខ្លួនអាចបដិសេធគោលបំណងណាមួយក៏បាន អាចឈប់នៅពេលណាក៏បាន ហើយមិនចាំបាច់ឆ្លើយគ្រប់សំណួរទេ។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="36"/>
        <source>Keep this record (needed to save it)</source>
        <translation type="unfinished">រក្សាទុកកំណត់ត្រានេះ (ចាំបាច់ ដើម្បីអាចរក្សាទុកបាន)</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="37"/>
        <source>Both screens: the TB screen and the trafficking interview</source>
        <translation>ការពិនិត្យទាំងពីរ៖ ការពិនិត្យជំងឺរបេង និងការសម្ភាសន៍អំពីការជួញដូរមនុស្ស</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="38"/>
        <source>The TB screen (health questions)</source>
        <translation>ការពិនិត្យជំងឺរបេង (សំណួរសុខភាព)</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="40"/>
        <source>The trafficking interview (red flags and checklist)</source>
        <translation>ការសម្ភាសន៍អំពីការជួញដូរមនុស្ស (សញ្ញាព្រមាន និងបញ្ជីសំណួរ)</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="43"/>
        <source>Register with the National Employment Agency</source>
        <translation>ចុះឈ្មោះជាមួយទីភ្នាក់ងារជាតិមុខរបរ និងការងារ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="55"/>
        <source>Agencies the person agrees to share the record with</source>
        <translation>ស្ថាប័នដែលសាមីខ្លួនយល់ព្រមឱ្យចែករំលែកកំណត់ត្រា</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="64"/>
        <source>Share with (names from the directory):</source>
        <translation>ចែករំលែកជាមួយ (ឈ្មោះពីបញ្ជីស្ថាប័ន)៖</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="70"/>
        <source>Guardian&apos;s name</source>
        <translation>ឈ្មោះអាណាព្យាបាល</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="71"/>
        <location filename="../wizards/registration/consent.py" line="73"/>
        <source>Relationship to the child</source>
        <translation>ទំនាក់ទំនងជាមួយកុមារ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="72"/>
        <source>A child: the guardian consents. Guardian&apos;s name</source>
        <translation>កុមារ៖ អាណាព្យាបាលជាអ្នកយល់ព្រម។ ឈ្មោះអាណាព្យាបាល</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="116"/>
        <source>Consent wording version</source>
        <translation>កំណែនៃអត្ថបទការយល់ព្រម</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="41"/>
        <source>Refer to an agency or health facility</source>
        <translation type="unfinished">បញ្ជូនទៅស្ថាប័ន ឬមូលដ្ឋានសុខាភិបាល</translation>
    </message>
    <message>
        <location filename="../wizards/registration/consent.py" line="42"/>
        <source>Share the record with the named agencies</source>
        <translation type="unfinished">ចែករំលែកកំណត់ត្រាជាមួយស្ថាប័នដែលបានបញ្ជាក់ឈ្មោះ</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="../core_messages.py" line="6"/>
        <source>%1 %2: %3 strong, %4 medium, %5 weak — %6.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>%1 %2៖ ខ្លាំង %3 មធ្យម %4 ខ្សោយ %5 — %6។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="7"/>
        <source>%1 (counted as %2)</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>%1 (រាប់ជា %2)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="8"/>
        <source>1</source>
        <translation>1</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="9"/>
        <source>1 strong indicator plus at least 1 medium or weak indicator</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>សូចនាករខ្លាំង ១ បូកនឹងសូចនាករមធ្យម ឬខ្សោយ យ៉ាងហោចណាស់ ១</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="10"/>
        <source>2 medium indicators plus at least 1 weak indicator</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>សូចនាករមធ្យម ២ បូកនឹងសូចនាករខ្សោយ យ៉ាងហោចណាស់ ១</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="11"/>
        <source>2 or more strong indicators</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>សូចនាករខ្លាំង ២ ឬច្រើនជាងនេះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="12"/>
        <source>3 or more medium indicators</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>សូចនាករមធ្យម ៣ ឬច្រើនជាងនេះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="13"/>
        <source>A cell of the list is far too large: this is not a handover list.</source>
        <translation>ក្រឡាមួយនៃបញ្ជីធំពេកណាស់៖ នេះមិនមែនជាបញ្ជីប្រគល់ទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="14"/>
        <source>A locked account has no passphrase any more: a supervisor reinstates it by setting a new passphrase.</source>
        <translation>គណនីដែលបានចាក់សោលែងមានឃ្លាសម្ងាត់ទៀតហើយ៖ អ្នកត្រួតពិនិត្យបើកវាឡើងវិញដោយកំណត់ឃ្លាសម្ងាត់ថ្មី។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="15"/>
        <source>A store already exists there: move it aside first, or choose another place.</source>
        <translation>មានឃ្លាំងទិន្នន័យនៅទីនោះរួចហើយ៖ សូមផ្លាស់វាចេញជាមុនសិន ឬជ្រើសទីកន្លែងផ្សេង។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="16"/>
        <source>Adult rule applied to a child (ADULT_RULE setting): recruitment, exploitation and destination must all be positive.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>វិធានសម្រាប់មនុស្សពេញវ័យ ដែលអនុវត្តចំពោះកុមារ (ការកំណត់ ADULT_RULE)៖ ការជ្រើសរើស ការកេងប្រវ័ញ្ច និងទិសដៅ ត្រូវតែវិជ្ជមានទាំងអស់។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="17"/>
        <source>Adult rule: recruitment, exploitation and destination must all be positive.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>វិធានសម្រាប់មនុស្សពេញវ័យ៖ ការជ្រើសរើស ការកេងប្រវ័ញ្ច និងទិសដៅ ត្រូវតែវិជ្ជមានទាំងអស់។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="18"/>
        <source>An accompanied child needs the parent or legal guardian registered first.</source>
        <translation>កុមារដែលមានអ្នកអមដំណើរ ត្រូវការឱ្យចុះឈ្មោះឪពុកម្តាយ ឬអាណាព្យាបាលស្របច្បាប់ជាមុនសិន។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="19"/>
        <source>Another Checkpoint program is changing the key file: try again in a moment.</source>
        <translation>កម្មវិធី Checkpoint មួយទៀតកំពុងកែប្រែឯកសារសោ៖ សូមព្យាយាមម្តងទៀតបន្តិចទៀត។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="20"/>
        <source>Checklist: %1 (content %2 version %3); age %4; %5 indicator(s) ticked.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>បញ្ជីសូចនាករ៖ %1 (ខ្លឹមសារ %2 កំណែ %3) អាយុ %4 បានគូសធីកសូចនាករចំនួន %5។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="21"/>
        <source>Child under 18 with exploitative conditions of work: a child-protection referral is required whatever the result above.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>កុមារអាយុក្រោម ១៨ឆ្នាំ ដែលមានលក្ខខណ្ឌការងារបែបកេងប្រវ័ញ្ច៖ ត្រូវតែបញ្ជូនទៅការការពារកុមារ ទោះបីលទ្ធផលខាងលើយ៉ាងណាក៏ដោយ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="22"/>
        <source>Close contacts and people living with HIV also need assessment for TB preventive treatment.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>អ្នកប៉ះពាល់ជិតស្និទ្ធ និងអ្នករស់នៅជាមួយមេរោគអេដស៍ ក៏ត្រូវការការវាយតម្លៃសម្រាប់ការព្យាបាលបង្ការរបេងផងដែរ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="23"/>
        <source>Coercion or vulnerability at destination (CD or VD): %1.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ការបង្ខិតបង្ខំ ឬភាពងាយរងគ្រោះនៅទិសដៅ (CD ឬ VD)៖ %1។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="24"/>
        <source>Column %1 of the mapping (%2) has a key it cannot have: %3.</source>
        <translation>ជួរឈរទី %1 នៃការផ្គូផ្គង (%2) មានគន្លឹះដែលមិនអាចមាន៖ %3។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="25"/>
        <source>Column %1 of the mapping (%2) must have exactly one of source, value or row_number.</source>
        <translation>ជួរឈរទី %1 នៃការផ្គូផ្គង (%2) ត្រូវមានតែមួយគត់ក្នុងចំណោម source, value ឬ row_number។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="26"/>
        <source>Column %1 of the mapping (%2) takes %3, which is not a column of the NEA export.</source>
        <translation>ជួរឈរទី %1 នៃការផ្គូផ្គង (%2) យក %3 ដែលមិនមែនជាជួរឈរនៃឯកសារនាំចេញសម្រាប់ NEA ទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="27"/>
        <source>Column %1 of the mapping (%2): %3 goes only with %4.</source>
        <translation>ជួរឈរទី %1 នៃការផ្គូផ្គង (%2)៖ %3 ប្រើបានតែជាមួយ %4 ប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="28"/>
        <source>Column %1 of the mapping (%2): %3 holds no codes, so it cannot have a code table.</source>
        <translation>ជួរឈរទី %1 នៃការផ្គូផ្គង (%2)៖ %3 មិនមានលេខកូដទេ ដូច្នេះវាមិនអាចមានតារាងលេខកូដបានទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="29"/>
        <source>Column %1 of the mapping (%2): %3 must be %4.</source>
        <translation>ជួរឈរទី %1 នៃការផ្គូផ្គង (%2)៖ %3 ត្រូវតែជា %4។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="30"/>
        <source>Column %1 of the mapping (%2): the code table names %3, which is not a code of %4.</source>
        <translation>ជួរឈរទី %1 នៃការផ្គូផ្គង (%2)៖ តារាងលេខកូដមាន %3 ដែលមិនមែនជាលេខកូដរបស់ %4 ទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="31"/>
        <source>Column %1 of the mapping must be an object with a header.</source>
        <translation>ជួរឈរទី %1 នៃការផ្គូផ្គង ត្រូវតែជាវត្ថុ (object) ដែលមានចំណងជើង (header)។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="32"/>
        <source>Column %1 of the mapping needs a header: text of 1 to 200 characters, on one line.</source>
        <translation>ជួរឈរទី %1 នៃការផ្គូផ្គង ត្រូវការចំណងជើង៖ អត្ថបទពី 1 ដល់ 200 តួអក្សរ នៅលើបន្ទាត់តែមួយ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="33"/>
        <source>Column %1 of the mapping repeats the header %2 (already column %3).</source>
        <translation>ជួរឈរទី %1 នៃការផ្គូផ្គង ប្រើចំណងជើង %2 ម្ដងទៀត (មានរួចហើយនៅជួរឈរទី %3)។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="34"/>
        <source>Cough for %1 day(s) is under the %2 days this mode requires.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ការក្អករយៈពេល %1 ថ្ងៃ តិចជាង %2 ថ្ងៃ ដែលរបៀបនេះតម្រូវ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="35"/>
        <source>Debt bondage was reported: offer a protection referral today.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មានការរាយការណ៍ពីការជាប់បំណុលដោយបង្ខំ៖ ផ្តល់ការបញ្ជូនទៅទទួលការការពារនៅថ្ងៃនេះ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="36"/>
        <source>Each dimension is judged on its own ticks; counts are never added across dimensions.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>វិមាត្រនីមួយៗត្រូវវាយតម្លៃតាមសញ្ញាធីករបស់ខ្លួនផ្ទាល់ ចំនួនមិនត្រូវបូកបញ្ចូលគ្នារវាងវិមាត្រទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="37"/>
        <source>Enrolling again needs the release document that the HQ this device is enrolled with signed for it (checkpoint-hq release).</source>
        <translation>ការចុះឈ្មោះម្តងទៀត ត្រូវការឯកសារដោះលែង ដែលទីស្នាក់ការកណ្តាល (HQ) ដែលឧបករណ៍នេះបានចុះឈ្មោះជាមួយ បានចុះហត្ថលេខាសម្រាប់វា (checkpoint-hq release)។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="38"/>
        <source>Events already at HQ differ from this device&apos;s event log: events HQ acknowledged were changed or deleted here. Do not delete anything; tell HQ.</source>
        <translation>ព្រឹត្តិការណ៍ដែលមាននៅ HQ រួចហើយ ខុសពីកំណត់ហេតុព្រឹត្តិការណ៍របស់ឧបករណ៍នេះ៖ ព្រឹត្តិការណ៍ដែល HQ បានទទួលស្គាល់ ត្រូវបានកែប្រែ ឬលុបនៅទីនេះ។ កុំលុបអ្វីទាំងអស់ សូមប្រាប់ HQ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="39"/>
        <source>Exploitation (EX): %1.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ការកេងប្រវ័ញ្ច (EX)៖ %1។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="40"/>
        <source>Exploitative conditions of work without recruitment indicators: consider a protection or labour-rights referral.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>លក្ខខណ្ឌការងារបែបកេងប្រវ័ញ្ច ដោយគ្មានសូចនាករនៃការជ្រើសរើស៖ សូមពិចារណាបញ្ជូនទៅការការពារ ឬសិទ្ធិការងារ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="41"/>
        <source>Grade not yet verified against the source used for: %1. Keep this in mind when reviewing the result.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>កម្រិតមិនទាន់បានផ្ទៀងផ្ទាត់ជាមួយប្រភពនៅឡើយ សម្រាប់៖ %1។ សូមចងចាំចំណុចនេះ ពេលពិនិត្យលទ្ធផល។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="42"/>
        <source>HQ&apos;s answer holds none of this record&apos;s minimised events as they were.</source>
        <translation>ចម្លើយរបស់ទីស្នាក់ការកណ្តាល មិនមានព្រឹត្តិការណ៍ដែលបានកាត់បន្ថយនៃកំណត់ត្រានេះ ដូចដើមទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="43"/>
        <source>HQ&apos;s directory has a malformed entry.</source>
        <translation>បញ្ជីឈ្មោះអង្គការរបស់ទីស្នាក់ការកណ្តាលមានធាតុមួយខុសទម្រង់។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="44"/>
        <source>HQ&apos;s directory has an entry that is not an object.</source>
        <translation>បញ្ជីឈ្មោះអង្គការរបស់ទីស្នាក់ការកណ្តាលមានធាតុមួយដែលមិនមែនជាវត្ថុ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="45"/>
        <source>HQ&apos;s directory has an entry with a malformed list.</source>
        <translation>បញ្ជីឈ្មោះអង្គការរបស់ទីស្នាក់ការកណ្តាលមានធាតុមួយដែលមានបញ្ជីខុសទម្រង់។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="46"/>
        <source>HQ&apos;s directory has an entry without a valid code.</source>
        <translation>បញ្ជីឈ្មោះអង្គការរបស់ទីស្នាក់ការកណ្តាលមានធាតុមួយដែលគ្មានលេខកូដត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="47"/>
        <source>HQ&apos;s directory is not a list.</source>
        <translation>បញ្ជីឈ្មោះអង្គការរបស់ទីស្នាក់ការកណ្តាលមិនមែនជាបញ្ជីទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="48"/>
        <source>HQ&apos;s directory names a code twice.</source>
        <translation>បញ្ជីឈ្មោះអង្គការរបស់ទីស្នាក់ការកណ្តាលដាក់លេខកូដមួយពីរដង។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="49"/>
        <source>HQ&apos;s recovery key is not known here; the data key cannot be rotated without it.</source>
        <translation>មិនស្គាល់សោស្តាររបស់ទីស្នាក់ការកណ្តាល (HQ) នៅទីនេះទេ។ មិនអាចប្តូរសោទិន្នន័យដោយគ្មានវាបានទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="50"/>
        <source>HQ&apos;s reference data carries too many slip-signing keys: refused, the previous directory stays in use.</source>
        <translation>ទិន្នន័យយោងរបស់ទីស្នាក់ការកណ្តាលមានកូនសោចុះហត្ថលេខាលើប័ណ្ណច្រើនពេក៖ ត្រូវបានបដិសេធ បញ្ជីឈ្មោះមុននៅតែប្រើដដែល។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="51"/>
        <source>HQ&apos;s reference data does not carry the signature of the HQ this device is enrolled with: refused, the previous directory stays in use.</source>
        <translation>ទិន្នន័យយោងរបស់ទីស្នាក់ការកណ្តាលមិនមានហត្ថលេខារបស់ទីស្នាក់ការកណ្តាលដែលឧបករណ៍នេះបានចុះឈ្មោះជាមួយទេ៖ ត្រូវបានបដិសេធ បញ្ជីឈ្មោះមុននៅតែប្រើដដែល។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="52"/>
        <source>HQ&apos;s reference data has a date without a time zone.</source>
        <translation>ទិន្នន័យយោងរបស់ទីស្នាក់ការកណ្តាលមានកាលបរិច្ឆេទដែលគ្មានល្វែងម៉ោង។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="53"/>
        <source>HQ&apos;s reference data has a malformed slip-signing key: refused, the previous directory stays in use.</source>
        <translation>ទិន្នន័យយោងរបស់ទីស្នាក់ការកណ្តាលមានកូនសោចុះហត្ថលេខាលើប័ណ្ណដែលខុសទម្រង់៖ ត្រូវបានបដិសេធ បញ្ជីឈ្មោះមុននៅតែប្រើដដែល។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="54"/>
        <source>HQ&apos;s reference data has expired: refused, the previous directory stays in use.</source>
        <translation>ទិន្នន័យយោងរបស់ទីស្នាក់ការកណ្តាលបានផុតកំណត់ហើយ៖ ត្រូវបានបដិសេធ បញ្ជីឈ្មោះមុននៅតែប្រើដដែល។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="55"/>
        <source>HQ&apos;s reference data has no readable date.</source>
        <translation>ទិន្នន័យយោងរបស់ទីស្នាក់ការកណ្តាលគ្មានកាលបរិច្ឆេទដែលអាចអានបាន។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="56"/>
        <source>HQ&apos;s reference data has no version.</source>
        <translation>ទិន្នន័យយោងរបស់ទីស្នាក់ការកណ្តាលគ្មានកំណែ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="57"/>
        <source>HQ&apos;s reference data is not readable.</source>
        <translation>ទិន្នន័យយោងរបស់ទីស្នាក់ការកណ្តាលមិនអាចអានបានទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="58"/>
        <source>HQ&apos;s reference data is older than the version in use (an old document replayed?): refused, the previous directory stays in use.</source>
        <translation>ទិន្នន័យយោងរបស់ទីស្នាក់ការកណ្តាលចាស់ជាងកំណែដែលកំពុងប្រើ (ឯកសារចាស់ត្រូវបានផ្ញើម្តងទៀត?)៖ ត្រូវបានបដិសេធ បញ្ជីឈ្មោះមុននៅតែប្រើដដែល។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="59"/>
        <source>HQ&apos;s reference data was made for another checkpoint: refused, the previous directory stays in use.</source>
        <translation>ទិន្នន័យយោងរបស់ទីស្នាក់ការកណ្តាលត្រូវបានធ្វើសម្រាប់ច្រកត្រួតពិនិត្យផ្សេង៖ ត្រូវបានបដិសេធ បញ្ជីឈ្មោះមុននៅតែប្រើដដែល។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="60"/>
        <source>In the mapping file, %1 must be %2.</source>
        <translation>ក្នុងឯកសារផ្គូផ្គង %1 ត្រូវតែជា %2។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="61"/>
        <source>Key file slot is malformed.</source>
        <translation type="unfinished">ប្រអប់សោក្នុងឯកសារសោ មានទម្រង់មិនត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="62"/>
        <source>NEA needs a phone number to reach the person, or a second contact</source>
        <translation>NEA ត្រូវការលេខទូរស័ព្ទដើម្បីទាក់ទងបុគ្គលនេះ ឬអ្នកទំនាក់ទំនងទីពីរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="63"/>
        <source>NEA registration needs the person&apos;s consent</source>
        <translation>ការចុះឈ្មោះ NEA ត្រូវការការយល់ព្រមពីបុគ្គលនេះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="64"/>
        <source>No TB risk factor reported.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មិនមានកត្តាហានិភ័យរបេងត្រូវបានប្រាប់ទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="65"/>
        <source>No backup there (the .db file and its .db.keys file beside it are needed).</source>
        <translation>គ្មានឯកសារបម្រុងទុកនៅទីនោះទេ (ត្រូវការឯកសារ .db និងឯកសារ .db.keys នៅជាប់គ្នា)។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="66"/>
        <source>No health facility offers TB treatment in the directory.</source>
        <translation>គ្មានមូលដ្ឋានសុខាភិបាលណាក្នុងបញ្ជីផ្តល់ការព្យាបាលជំងឺរបេងទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="67"/>
        <source>No row of the list is valid: nothing was imported.</source>
        <translation>គ្មានជួរណាមួយនៃបញ្ជីត្រឹមត្រូវទេ៖ មិនបាននាំចូលអ្វីទាំងអស់។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="68"/>
        <source>No such arrival.</source>
        <translation type="unfinished">រកមិនឃើញការមកដល់នេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="69"/>
        <source>No such assistance record.</source>
        <translation>គ្មានកំណត់ត្រាជំនួយនេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="70"/>
        <source>No such batch.</source>
        <translation type="unfinished">រកមិនឃើញកញ្ចប់ទិន្នន័យនេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="71"/>
        <source>No such conflict.</source>
        <translation type="unfinished">រកមិនឃើញភាពមិនស៊ីគ្នានៃទិន្នន័យនេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="72"/>
        <source>No such group.</source>
        <translation>មិនមានក្រុមនេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="73"/>
        <source>No such health referral.</source>
        <translation>មិនមានការបញ្ជូនទៅមូលដ្ឋានសុខាភិបាលនេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="74"/>
        <source>No such person.</source>
        <translation type="unfinished">រកមិនឃើញបុគ្គលនេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="75"/>
        <source>No such queue entry.</source>
        <translation>មិនមានធាតុនេះក្នុងជួររង់ចាំទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="76"/>
        <source>No such record.</source>
        <translation type="unfinished">រកមិនឃើញកំណត់ត្រានេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="77"/>
        <source>No such referral.</source>
        <translation type="unfinished">រកមិនឃើញការបញ្ជូននេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="78"/>
        <source>No such row in this list.</source>
        <translation>មិនមានជួរនេះក្នុងបញ្ជីនេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="79"/>
        <source>No such unacknowledged batch.</source>
        <translation type="unfinished">រកមិនឃើញកញ្ចប់ទិន្នន័យដែលមិនទាន់បានទទួលស្គាល់នេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="80"/>
        <source>No such user.</source>
        <translation type="unfinished">រកមិនឃើញអ្នកប្រើនេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="81"/>
        <source>No symptom that this rule counts was reported.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មិនមានរោគសញ្ញាដែលវិធាននេះរាប់ ត្រូវបានប្រាប់ទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="82"/>
        <source>Not a Checkpoint key file.</source>
        <translation type="unfinished">មិនមែនជាឯកសារសោរបស់ Checkpoint ទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="83"/>
        <source>Not allowed to refer to a health facility.</source>
        <translation type="unfinished">មិនត្រូវបានអនុញ្ញាតឱ្យបញ្ជូនទៅមូលដ្ឋានសុខាភិបាលទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="84"/>
        <source>Not allowed.</source>
        <translation type="unfinished">មិនត្រូវបានអនុញ្ញាតទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="85"/>
        <source>Nothing of this record was minimised: there is nothing to fetch back from HQ.</source>
        <translation>គ្មានផ្នែកណាមួយនៃកំណត់ត្រានេះត្រូវបានកាត់បន្ថយទេ៖ គ្មានអ្វីត្រូវយកមកវិញពីទីស្នាក់ការកណ្តាលទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="86"/>
        <source>Only a supervisor may add, promote, demote, reset, lock or reinstate a supervisor.</source>
        <translation>មានតែអ្នកត្រួតពិនិត្យប៉ុណ្ណោះ ដែលអាចបន្ថែម ដំឡើង បន្ទាប ប្តូរឃ្លាសម្ងាត់ ចាក់សោ ឬបើកឡើងវិញនូវគណនីអ្នកត្រួតពិនិត្យ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="87"/>
        <source>Only a supervisor may change HQ&apos;s address.</source>
        <translation>មានតែអ្នកគ្រប់គ្រងទេ ដែលអាចប្ដូរអាសយដ្ឋានរបស់ទីស្នាក់ការកណ្ដាលបាន។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="88"/>
        <source>Only a supervisor may enroll this device again.</source>
        <translation>មានតែអ្នកត្រួតពិនិត្យប៉ុណ្ណោះ ដែលអាចចុះឈ្មោះឧបករណ៍នេះម្តងទៀតបាន។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="89"/>
        <source>Only a supervisor may reinstate a locked account.</source>
        <translation>មានតែអ្នកត្រួតពិនិត្យប៉ុណ្ណោះ ដែលអាចបើកគណនីដែលបានចាក់សោឡើងវិញ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="90"/>
        <source>Only a supervisor may rotate the data key.</source>
        <translation>មានតែអ្នកត្រួតពិនិត្យប៉ុណ្ណោះ ដែលអាចប្តូរសោទិន្នន័យ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="91"/>
        <source>Only a supervisor or an administrator may sync.</source>
        <translation type="unfinished">មានតែអ្នកត្រួតពិនិត្យ ឬអ្នកគ្រប់គ្រងប្រព័ន្ធប៉ុណ្ណោះ ដែលអាចធ្វើសមកាលកម្មបាន។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="92"/>
        <source>Only the officer who registered this arrival, or a supervisor, may correct it.</source>
        <translation type="unfinished">មានតែមន្ត្រីដែលបានចុះឈ្មោះការមកដល់នេះ ឬអ្នកត្រួតពិនិត្យប៉ុណ្ណោះ ដែលអាចកែតម្រូវវាបាន។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="93"/>
        <source>Only the officer who registered this arrival, or a supervisor, may print its protection referral slip.</source>
        <translation type="unfinished">មានតែមន្ត្រីដែលបានចុះឈ្មោះការមកដល់នេះ ឬអ្នកត្រួតពិនិត្យប៉ុណ្ណោះ ដែលអាចបោះពុម្ពលិខិតបញ្ជូនទៅទទួលការការពាររបស់វាបាន។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="94"/>
        <source>Only the officer who registered this arrival, or a supervisor, may refer it.</source>
        <translation>មានតែមន្ត្រីដែលបានចុះឈ្មោះការមកដល់នេះ ឬអ្នកគ្រប់គ្រងប៉ុណ្ណោះ ដែលអាចបញ្ជូនបាន។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="95"/>
        <source>Recent detention alone does not send to a chest X-ray at this site (site setting).</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ការជាប់ឃុំខ្លួនថ្មីៗតែមួយមុខ មិនបញ្ជូនទៅថតកាំរស្មីអ៊ិចទ្រូងនៅទីតាំងនេះទេ (ការកំណត់ទីតាំង)។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="96"/>
        <source>Recent detention alone does not send to a chest X-ray at this site: there is no X-ray on site (site setting).</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ការជាប់ឃុំខ្លួនថ្មីៗតែមួយមុខ មិនបញ្ជូនទៅថតកាំរស្មីអ៊ិចទ្រូងនៅទីតាំងនេះទេ៖ គ្មានម៉ាស៊ីនកាំរស្មីអ៊ិចនៅនឹងកន្លែង (ការកំណត់ទីតាំង)។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="97"/>
        <source>Recorded with %1 version %2, which this version of Checkpoint cannot re-explain; the recorded result stands.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>បានកត់ត្រាដោយប្រើ %1 កំណែ %2 ដែលកំណែកម្មវិធីនេះមិនអាចពន្យល់ឡើងវិញបានទេ លទ្ធផលដែលបានកត់ត្រានៅតែមានសុពលភាព។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="98"/>
        <source>Recruitment (DR, CR or VR): %1.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ការជ្រើសរើស (DR, CR ឬ VR)៖ %1។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="99"/>
        <source>Reported but not counted in prolonged-cough mode: %1.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>បានប្រាប់ ប៉ុន្តែមិនរាប់ក្នុងរបៀបក្អករ៉ាំរ៉ៃ៖ %1។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="100"/>
        <source>Result: indicators of trafficking present — refer.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>លទ្ធផល៖ មានសូចនាករនៃការជួញដូរមនុស្ស — បញ្ជូនបន្ត។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="101"/>
        <source>Result: no counted symptom but a TB risk factor — refer for a chest X-ray (routine).</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>លទ្ធផល៖ គ្មានរោគសញ្ញាដែលបានរាប់ ប៉ុន្តែមានកត្តាហានិភ័យរបេង — បញ្ជូនទៅថតកាំរស្មីអ៊ិចទ្រូង (ធម្មតា)។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="102"/>
        <source>Result: presumptive TB — refer the same day for a chest X-ray and an Xpert MTB/RIF test. A positive screen is not a diagnosis.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>លទ្ធផល៖ សង្ស័យរបេង — បញ្ជូនក្នុងថ្ងៃតែមួយ ដើម្បីថតកាំរស្មីអ៊ិចទ្រូង និងធ្វើតេស្ត Xpert MTB/RIF។ ការពិនិត្យវិជ្ជមាន មិនមែនជាការធ្វើរោគវិនិច្ឆ័យទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="103"/>
        <source>Result: screen negative — no TB referral now. Advise the person to seek care if a cough, fever, night sweats or weight loss starts.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>លទ្ធផល៖ ពិនិត្យអវិជ្ជមាន — មិនទាន់បញ្ជូនរបេងឥឡូវនេះទេ។ ណែនាំសាមីខ្លួនឱ្យទៅរកការថែទាំ ប្រសិនបើចាប់ផ្តើមក្អក គ្រុនក្តៅ បែកញើសពេលយប់ ឬស្រកទម្ងន់។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="104"/>
        <source>Result: the combination for a trafficking referral is not met (missing: %1). This does not rule out trafficking or other harm; refer if in doubt.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>លទ្ធផល៖ បន្សំសម្រាប់ការបញ្ជូនករណីជួញដូរមនុស្ស មិនគ្រប់តាមលក្ខខណ្ឌ (ខ្វះ៖ %1)។ នេះមិនមានន័យថាគ្មានការជួញដូរមនុស្ស ឬគ្រោះថ្នាក់ផ្សេងទៀតនោះទេ សូមបញ្ជូនបន្ត ប្រសិនបើមានការសង្ស័យ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="105"/>
        <source>Risk factors: %1.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>កត្តាហានិភ័យ៖ %1។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="106"/>
        <source>Rule for children under 18: recruitment and exploitation must both be positive; coercion or vulnerability at destination is not required.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>វិធានសម្រាប់កុមារអាយុក្រោម ១៨ឆ្នាំ៖ ការជ្រើសរើស និងការកេងប្រវ័ញ្ច ត្រូវតែវិជ្ជមានទាំងពីរ មិនតម្រូវឱ្យមានការបង្ខិតបង្ខំ ឬភាពងាយរងគ្រោះនៅទិសដៅទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="107"/>
        <source>Safety rule (not the ILO rule)</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>វិធានសុវត្ថិភាព (មិនមែនវិធានរបស់ ILO)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="108"/>
        <source>Say why this case needs the record (HQ and this device both keep the reason).</source>
        <translation>សូមប្រាប់មូលហេតុដែលករណីនេះត្រូវការកំណត់ត្រានេះ (ទីស្នាក់ការកណ្តាល និងឧបករណ៍នេះ រក្សាទុកមូលហេតុ)។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="109"/>
        <source>Screen rule: %1 (screen mode setting: %2).</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>វិធានពិនិត្យ៖ %1 (ការកំណត់របៀបពិនិត្យ៖ %2)។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="110"/>
        <source>Sealed: protection section, supervisor only</source>
        <translation>បានបិទផ្សាភ្ជាប់៖ ផ្នែកការការពារ សម្រាប់តែអ្នកត្រួតពិនិត្យប៉ុណ្ណោះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="111"/>
        <source>Some rows of the list are not valid: nothing was imported. Correct them, or import only the good rows.</source>
        <translation>ជួរខ្លះនៃបញ្ជីមិនត្រឹមត្រូវ៖ មិនបាននាំចូលអ្វីទាំងអស់។ សូមកែវា ឬនាំចូលតែជួរដែលត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="112"/>
        <source>Someone controlling the person is present: offer a protection referral today and speak to the person alone.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មាននរណាម្នាក់កំពុងគ្រប់គ្រងសាមីខ្លួននៅទីនេះ៖ ផ្តល់ការបញ្ជូនទៅទទួលការការពារនៅថ្ងៃនេះ ហើយនិយាយជាមួយសាមីខ្លួនតែម្នាក់ឯង។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="113"/>
        <source>Strong coercion and a controlling person present together: treat as immediate danger.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មានការបង្ខិតបង្ខំធ្ងន់ធ្ងរ និងមានអ្នកគ្រប់គ្រងនៅទីនេះព្រមគ្នា៖ ចាត់ទុកថាជាគ្រោះថ្នាក់ភ្លាមៗ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="114"/>
        <source>Surge mode is off: register arrivals instead of counting them.</source>
        <translation>របៀបអ្នកមកច្រើនកំពុងបិទ៖ សូមចុះឈ្មោះអ្នកមកដល់ ជំនួសឱ្យការរាប់ពួកគេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="115"/>
        <source>Symptoms counted: %1.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>រោគសញ្ញាដែលបានរាប់៖ %1។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="116"/>
        <source>TB answers need consent to the TB screen</source>
        <translation>ចម្លើយអំពីជំងឺរបេងត្រូវការការយល់ព្រមលើការពិនិត្យជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="117"/>
        <source>The SQLite driver in use has no encryption (PRAGMA cipher_version is empty): refusing to open the store, which would write plaintext.</source>
        <translation type="unfinished">កម្មវិធីបញ្ជា SQLite ដែលកំពុងប្រើ មិនមានការអ៊ិនគ្រីបទេ (PRAGMA cipher_version ទទេ)៖ មិនបើកមូលដ្ឋានទិន្នន័យទេ ព្រោះវានឹងសរសេរទិន្នន័យដោយមិនអ៊ិនគ្រីប។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="118"/>
        <source>The backup copy failed its integrity check.</source>
        <translation type="unfinished">ច្បាប់ចម្លងបម្រុងទុក មិនឆ្លងកាត់ការពិនិត្យភាពត្រឹមត្រូវទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="119"/>
        <source>The checklist was not asked: not screened (this is not a finding of no indicators).</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មិនបានសួរបញ្ជីសំណួរ៖ មិនបានពិនិត្យ (នេះមិនមែនជាលទ្ធផលថាគ្មានសូចនាករទេ)។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="120"/>
        <source>The data key is not available in this session.</source>
        <translation type="unfinished">សោទិន្នន័យមិនមាននៅក្នុងវគ្គប្រើប្រាស់នេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="121"/>
        <source>The database key must be 32 bytes.</source>
        <translation type="unfinished">សោមូលដ្ឋានទិន្នន័យត្រូវតែមាន 32 បៃ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="122"/>
        <source>The first row of the list must name the columns.</source>
        <translation>ជួរទីមួយនៃបញ្ជីត្រូវតែដាក់ឈ្មោះជួរឈរ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="123"/>
        <source>The key %1 appears twice in one object of the mapping file.</source>
        <translation>គន្លឹះ %1 មានពីរដងនៅក្នុងវត្ថុ (object) តែមួយនៃឯកសារផ្គូផ្គង។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="124"/>
        <source>The key file is damaged or not a Checkpoint key file.</source>
        <translation type="unfinished">ឯកសារសោខូច ឬមិនមែនជាឯកសារសោរបស់ Checkpoint ទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="125"/>
        <source>The key file is damaged.</source>
        <translation type="unfinished">ឯកសារសោខូច។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="126"/>
        <source>The key file is held open by another program (antivirus or backup software?): try again in a moment.</source>
        <translation>ឯកសារសោកំពុងត្រូវបានបើកដោយកម្មវិធីមួយទៀត (កម្មវិធីកំចាត់មេរោគ ឬកម្មវិធីបម្រុងទុក?)៖ សូមព្យាយាមម្តងទៀតបន្តិចទៀត។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="127"/>
        <source>The key file is too large to be a Checkpoint key file.</source>
        <translation type="unfinished">ឯកសារសោធំពេក មិនអាចជាឯកសារសោរបស់ Checkpoint បានទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="128"/>
        <source>The key file now belongs to another store.</source>
        <translation type="unfinished">ឯកសារសោនេះ ឥឡូវជារបស់មូលដ្ឋានទិន្នន័យផ្សេងទៀត។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="129"/>
        <source>The list has more than 10,000 rows: split it into several lists (one per vehicle) and import each.</source>
        <translation>បញ្ជីមានច្រើនជាង ១០.០០០ ជួរ៖ សូមបំបែកវាជាបញ្ជីច្រើន (មួយសម្រាប់យានជំនិះនីមួយៗ) ហើយនាំចូលម្តងមួយៗ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="130"/>
        <source>The list has no rows.</source>
        <translation>បញ្ជីគ្មានជួរទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="131"/>
        <source>The list is larger than 20 MB: split it or check that it is the right file.</source>
        <translation>បញ្ជីធំជាង ២០ MB៖ សូមបំបែកវា ឬពិនិត្យថាវាជាឯកសារត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="132"/>
        <source>The list&apos;s text encoding could not be read (UTF-8, UTF-16 and Thai Windows-874 are read): save it as &quot;CSV UTF-8&quot; and import it again.</source>
        <translation>មិនអាចអានការអ៊ិនកូដអត្ថបទនៃបញ្ជីបានទេ (អាន UTF-8, UTF-16 និង Windows-874 ថៃ)៖ សូមរក្សាទុកវាជា &quot;CSV UTF-8&quot; ហើយនាំចូលម្តងទៀត។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="133"/>
        <source>The mapping file could not be read.</source>
        <translation>មិនអាចអានឯកសារផ្គូផ្គងបានទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="134"/>
        <source>The mapping file has a key it cannot have: %1.</source>
        <translation>ឯកសារផ្គូផ្គងមានគន្លឹះដែលមិនអាចមាន៖ %1។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="135"/>
        <source>The mapping file is larger than %1 KB: it cannot be a mapping.</source>
        <translation>ឯកសារផ្គូផ្គងធំជាង %1 KB៖ វាមិនអាចជាឯកសារផ្គូផ្គងបានទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="136"/>
        <source>The mapping file is not UTF-8 text.</source>
        <translation>ឯកសារផ្គូផ្គងមិនមែនជាអត្ថបទ UTF-8 ទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="137"/>
        <source>The mapping file is not valid JSON (line %1).</source>
        <translation>ឯកសារផ្គូផ្គងមិនមែនជា JSON ត្រឹមត្រូវទេ (បន្ទាត់ទី %1)។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="138"/>
        <source>The mapping file must be a JSON object with mapping_version 1 and a list of columns.</source>
        <translation>ឯកសារផ្គូផ្គងត្រូវតែជាវត្ថុ JSON ដែលមាន mapping_version 1 និងបញ្ជីជួរឈរ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="139"/>
        <source>The mapping file must list 1 to %1 columns.</source>
        <translation>ឯកសារផ្គូផ្គងត្រូវរាយជួរឈរពី 1 ដល់ %1។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="140"/>
        <source>The person has not consented to this referral.</source>
        <translation>សាមីខ្លួនមិនបានយល់ព្រមលើការបញ្ជូននេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="141"/>
        <source>The person was forced to commit crimes (for example online scams): offer a protection referral today.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>សាមីខ្លួនត្រូវគេបង្ខំឱ្យប្រព្រឹត្តបទល្មើស (ឧទាហរណ៍ ការបោកប្រាស់តាមអនឡាញ)៖ ផ្តល់ការបញ្ជូនទៅទទួលការការពារនៅថ្ងៃនេះ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="142"/>
        <source>The person was locked up, guarded or kept from leaving: offer a protection referral today.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>សាមីខ្លួនត្រូវគេចាក់សោទុក យាមល្បាត ឬមិនឱ្យចាកចេញ៖ ផ្តល់ការបញ្ជូនទៅទទួលការការពារនៅថ្ងៃនេះ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="143"/>
        <source>The person withdrew consent to this referral or to sharing; there is no slip to print.</source>
        <translation>សាមីខ្លួនបានដកការយល់ព្រមលើការបញ្ជូននេះ ឬលើការចែករំលែក៖ គ្មានប័ណ្ណបញ្ជូនសម្រាប់បោះពុម្ពទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="144"/>
        <source>The person&apos;s documents were taken: offer a protection referral today.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ឯកសាររបស់សាមីខ្លួនត្រូវគេយក៖ ផ្តល់ការបញ្ជូនទៅទទួលការការពារនៅថ្ងៃនេះ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="145"/>
        <source>The referral content has no child-protection agency.</source>
        <translation type="unfinished">ខ្លឹមសារនៃការបញ្ជូន មិនមានស្ថាប័នការពារកុមារទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="146"/>
        <source>The retention period must be a whole number of days from 1 to 3650.</source>
        <translation>រយៈពេលរក្សាទុកត្រូវតែជាចំនួនថ្ងៃគត់ ពី ១ ដល់ ៣៦៥០។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="147"/>
        <source>The safety rule found no strong coercion item.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>វិធានសុវត្ថិភាពមិនបានរកឃើញចំណុចបង្ខិតបង្ខំធ្ងន់ធ្ងរណាមួយទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="148"/>
        <source>The session is locked: sign in again.</source>
        <translation type="unfinished">វគ្គប្រើប្រាស់ត្រូវបានចាក់សោ៖ សូមចូលប្រើម្តងទៀត។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="149"/>
        <source>This account is locked. Ask a supervisor to unlock it.</source>
        <translation type="unfinished">គណនីនេះត្រូវបានចាក់សោ។ សូមស្នើអ្នកត្រួតពិនិត្យឱ្យដោះសោ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="150"/>
        <source>This account&apos;s key slot does not hold the device&apos;s signing key: sign in again as a supervisor (or with the recovery code) and it is given back.</source>
        <translation>ប្រអប់សោរបស់គណនីនេះ មិនមានសោចុះហត្ថលេខារបស់ឧបករណ៍ទេ៖ សូមចូលម្ដងទៀតជាអ្នកគ្រប់គ្រង (ឬដោយលេខកូដស្ដារ) ហើយវានឹងត្រូវបានប្រគល់ឱ្យវិញ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="151"/>
        <source>This arrival is already approved.</source>
        <translation type="unfinished">ការមកដល់នេះត្រូវបានអនុម័តរួចហើយ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="152"/>
        <source>This arrival is already registered with NEA.</source>
        <translation>ការមកដល់នេះបានចុះឈ្មោះជាមួយ NEA រួចហើយ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="153"/>
        <source>This arrival or person record was voided; there is no slip to print.</source>
        <translation type="unfinished">ការមកដល់ ឬកំណត់ត្រាបុគ្គលនេះ ត្រូវបានចាត់ទុកជាមោឃៈ គ្មានលិខិតសម្រាប់បោះពុម្ពទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="154"/>
        <source>This arrival was voided.</source>
        <translation type="unfinished">ការមកដល់នេះត្រូវបានចាត់ទុកជាមោឃៈ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="155"/>
        <source>This assistance record is already void.</source>
        <translation>កំណត់ត្រាជំនួយនេះត្រូវបានទុកជាមោឃៈរួចហើយ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="156"/>
        <source>This assistance record is void.</source>
        <translation>កំណត់ត្រាជំនួយនេះជាមោឃៈ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="157"/>
        <source>This backup does not say when it was made (it is from an older version), so it may hold protection data past the retention period. Nothing was changed.</source>
        <translation>ឯកសារបម្រុងទុកនេះមិនបង្ហាញថាបានបង្កើតនៅពេលណាទេ (វាមកពីកំណែចាស់) ដូច្នេះវាអាចមានទិន្នន័យការពារហួសរយៈពេលរក្សាទុក។ គ្មានអ្វីត្រូវបានផ្លាស់ប្តូរទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="158"/>
        <source>This backup is older than the site&apos;s retention period. Restoring it would bring back protection data that was removed from this device after HQ acknowledged it. Nothing was changed: ask HQ for the records you need instead.</source>
        <translation>ឯកសារបម្រុងទុកនេះចាស់ជាងរយៈពេលរក្សាទុករបស់ទីតាំង។ ការស្តារវាឡើងវិញ នឹងនាំមកវិញនូវទិន្នន័យការពារ ដែលត្រូវបានលុបចេញពីឧបករណ៍នេះ បន្ទាប់ពីទីស្នាក់ការកណ្តាលបានទទួលស្គាល់។ គ្មានអ្វីត្រូវបានផ្លាស់ប្តូរទេ៖ សូមស្នើសុំកំណត់ត្រាដែលអ្នកត្រូវការពីទីស្នាក់ការកណ្តាលជំនួសវិញ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="159"/>
        <source>This conflict was already decided.</source>
        <translation type="unfinished">ភាពមិនស៊ីគ្នានៃទិន្នន័យនេះ ត្រូវបានសម្រេចរួចហើយ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="160"/>
        <source>This consent was not given, or is already withdrawn.</source>
        <translation>ការយល់ព្រមនេះមិនត្រូវបានផ្តល់ ឬត្រូវបានដកវិញរួចហើយ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="161"/>
        <source>This device is already enrolled; HQ must revoke it before it enrolls again.</source>
        <translation type="unfinished">ឧបករណ៍នេះបានចុះបញ្ជីរួចហើយ។ ទីស្នាក់ការកណ្តាល (HQ) ត្រូវដកហូតការចុះបញ្ជីនោះសិន ទើបវាអាចចុះបញ្ជីម្តងទៀតបាន។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="162"/>
        <source>This device is not enrolled.</source>
        <translation>ឧបករណ៍នេះមិនទាន់បានចុះឈ្មោះនៅ HQ ទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="163"/>
        <source>This device is not enrolled: enroll it with HQ&apos;s address.</source>
        <translation>ឧបករណ៍នេះមិនទាន់បានចុះឈ្មោះទេ៖ សូមចុះឈ្មោះវាជាមួយអាសយដ្ឋានរបស់ទីស្នាក់ការកណ្ដាល។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="164"/>
        <source>This device is not enrolled: enroll it, there is nothing to replace.</source>
        <translation>ឧបករណ៍នេះមិនទាន់បានចុះឈ្មោះទេ៖ សូមចុះឈ្មោះវា គ្មានអ្វីត្រូវជំនួសទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="165"/>
        <source>This file is not a CSV or XLSX list, or it is damaged.</source>
        <translation>ឯកសារនេះមិនមែនជាបញ្ជី CSV ឬ XLSX ទេ ឬវាខូច។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="166"/>
        <source>This is the last active supervisor; add another before locking it.</source>
        <translation type="unfinished">នេះជាអ្នកត្រួតពិនិត្យសកម្មចុងក្រោយ។ សូមបន្ថែមអ្នកត្រួតពិនិត្យម្នាក់ទៀតសិន មុននឹងចាក់សោគណនីនេះ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="167"/>
        <source>This key file belongs to another store.</source>
        <translation type="unfinished">ឯកសារសោនេះជារបស់ឃ្លាំងទិន្នន័យផ្សេង។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="168"/>
        <source>This person already has an open TB referral: continue it instead of opening another.</source>
        <translation>អ្នកនេះមានការបញ្ជូនជំងឺរបេងដែលនៅបើកហើយ៖ សូមបន្តការបញ្ជូននោះ ជំនួសឱ្យការបើកការបញ្ជូនថ្មីមួយទៀត។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="169"/>
        <source>This person was already transferred for TB treatment and that referral is still open: continue it instead of opening another.</source>
        <translation>អ្នកនេះត្រូវបានបញ្ជូនទៅព្យាបាលជំងឺរបេងរួចហើយ ហើយការបញ្ជូននោះនៅបើកនៅឡើយ៖ សូមបន្តការបញ្ជូននោះ ជំនួសឱ្យការបើកការបញ្ជូនថ្មីមួយទៀត។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="170"/>
        <source>This person&apos;s record was voided.</source>
        <translation>កំណត់ត្រារបស់បុគ្គលនេះត្រូវបានលុបចោល។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="171"/>
        <source>This person&apos;s record was voided; register a new person instead.</source>
        <translation type="unfinished">កំណត់ត្រារបស់បុគ្គលនេះ ត្រូវបានចាត់ទុកជាមោឃៈ។ សូមចុះឈ្មោះជាបុគ្គលថ្មីជំនួសវិញ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="172"/>
        <source>This protection section fails its check (altered or damaged): it is not shown</source>
        <translation>ផ្នែកការការពារនេះ មិនឆ្លងកាត់ការត្រួតពិនិត្យ (ត្រូវបានកែប្រែ ឬខូច)៖ វាមិនត្រូវបានបង្ហាញទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="173"/>
        <source>This record is already voided.</source>
        <translation type="unfinished">កំណត់ត្រានេះត្រូវបានចាត់ទុកជាមោឃៈរួចហើយ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="174"/>
        <source>This record was voided.</source>
        <translation type="unfinished">កំណត់ត្រានេះត្រូវបានចាត់ទុកជាមោឃៈ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="175"/>
        <source>This referral is already closed; record a new referral instead.</source>
        <translation type="unfinished">ការបញ្ជូននេះត្រូវបានបិទរួចហើយ។ សូមកត់ត្រាការបញ្ជូនថ្មីជំនួសវិញ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="176"/>
        <source>This referral was voided.</source>
        <translation type="unfinished">ការបញ្ជូននេះត្រូវបានចាត់ទុកជាមោឃៈ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="177"/>
        <source>This referral was voided; there is no slip to print.</source>
        <translation type="unfinished">ការបញ្ជូននេះត្រូវបានចាត់ទុកជាមោឃៈ គ្មានលិខិតសម្រាប់បោះពុម្ពទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="178"/>
        <source>This release document ends an earlier enrollment of this device, not the current one: ask HQ for a new release.</source>
        <translation>ឯកសារដោះលែងនេះ បញ្ចប់ការចុះឈ្មោះមុនរបស់ឧបករណ៍នេះ មិនមែនការចុះឈ្មោះបច្ចុប្បន្នទេ៖ សូមស្នើទីស្នាក់ការកណ្តាល (HQ) ឱ្យចេញឯកសារដោះលែងថ្មី។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="179"/>
        <source>This row of the list is already registered or marked as left.</source>
        <translation>ជួរនេះនៃបញ្ជីត្រូវបានចុះឈ្មោះរួចហើយ ឬបានកត់ថាបានចាកចេញ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="180"/>
        <source>This session has no signing key; slips cannot be signed. Sign in again.</source>
        <translation>វគ្គនេះគ្មានសោចុះហត្ថលេខាទេ មិនអាចចុះហត្ថលេខាលើប័ណ្ណបញ្ជូនបានទេ។ សូមចូលម្ដងទៀត។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="181"/>
        <source>This slip&apos;s code does not verify: it was changed or damaged.</source>
        <translation type="unfinished">កូដរបស់លិខិតនេះ ផ្ទៀងផ្ទាត់មិនត្រឹមត្រូវ៖ វាត្រូវបានកែប្រែ ឬខូច។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="182"/>
        <source>This store has no device id: it is damaged or was not made by Checkpoint.</source>
        <translation type="unfinished">មូលដ្ឋានទិន្នន័យនេះ គ្មានលេខសម្គាល់ឧបករណ៍ទេ៖ វាខូច ឬមិនត្រូវបានបង្កើតដោយ Checkpoint ទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="183"/>
        <source>This store has no device signing key; slips cannot be signed.</source>
        <translation type="unfinished">មូលដ្ឋានទិន្នន័យនេះ គ្មានសោចុះហត្ថលេខារបស់ឧបករណ៍ទេ ដូច្នេះមិនអាចចុះហត្ថលេខាលើលិខិតបញ្ជូនបានទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="184"/>
        <source>This store has no recovery-code slot.</source>
        <translation type="unfinished">មូលដ្ឋានទិន្នន័យនេះ គ្មានប្រអប់សោសម្រាប់លេខកូដស្តារទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="185"/>
        <source>This store was never enrolled with an HQ recovery key.</source>
        <translation type="unfinished">មូលដ្ឋានទិន្នន័យនេះ មិនដែលបានចុះបញ្ជីជាមួយសោស្តាររបស់ទីស្នាក់ការកណ្តាល (HQ) ទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="186"/>
        <source>This user has no key slot to keep a signing key in.</source>
        <translation>អ្នកប្រើនេះគ្មានប្រអប់សោ សម្រាប់រក្សាសោចុះហត្ថលេខាទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="187"/>
        <source>Threats of violence against the person or the family were reported: offer a protection referral today.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មានការរាយការណ៍ពីការគំរាមកំហែងប្រើអំពើហិង្សាលើសាមីខ្លួន ឬក្រុមគ្រួសារ៖ ផ្តល់ការបញ្ជូនទៅទទួលការការពារនៅថ្ងៃនេះ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="188"/>
        <source>Violence was reported: offer a protection referral today.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មានការរាយការណ៍ពីអំពើហិង្សា៖ ផ្តល់ការបញ្ជូនទៅទទួលការការពារនៅថ្ងៃនេះ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="189"/>
        <source>WHO (Module 2, 2021) ranks the chest X-ray as the most accurate screening test for TB disease: it also finds TB in people who have no symptoms yet. Where an X-ray is taken on site, a person can be X-rayed the same day; where it is not, a referral for an X-ray elsewhere is often never completed by people who leave the border the same day.</source>
        <translation>អង្គការសុខភាពពិភពលោក (ម៉ូឌុល ២ ឆ្នាំ ២០២១) ចាត់ទុកការថតកាំរស្មីអ៊ិចទ្រូងជាតេស្តពិនិត្យរកជំងឺរបេងដែលត្រឹមត្រូវបំផុត៖ វាក៏រកឃើញជំងឺរបេងចំពោះអ្នកដែលមិនទាន់មានរោគសញ្ញាផងដែរ។ កន្លែងដែលមានម៉ាស៊ីនថតកាំរស្មីអ៊ិចនៅនឹងកន្លែង បុគ្គលម្នាក់អាចថតបាននៅថ្ងៃតែមួយ។ កន្លែងដែលគ្មាន ការបញ្ជូនទៅថតនៅកន្លែងផ្សេង ច្រើនតែមិនបានបញ្ចប់ ដោយសារអ្នកចាកចេញពីព្រំដែននៅថ្ងៃដដែល។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="190"/>
        <source>WHO counts prisons and places of detention as settings with a high TB risk (incidence about 23 times that of the general population) and recommends systematic screening there. Almost everyone deported through this checkpoint has just left immigration detention, so counting detention alone sends nearly everyone to an X-ray: sensible where the X-ray is on site, not where each referral means a journey elsewhere. With this setting off, detention is still recorded, and a symptom or another risk factor still refers.</source>
        <translation>អង្គការសុខភាពពិភពលោកចាត់ទុកពន្ធនាគារ និងកន្លែងឃុំខ្លួនជាកន្លែងដែលមានហានិភ័យជំងឺរបេងខ្ពស់ (អត្រាកើតថ្មីប្រហែល ២៣ ដងនៃប្រជាជនទូទៅ) ហើយណែនាំឱ្យពិនិត្យជាប្រព័ន្ធនៅទីនោះ។ អ្នកដែលត្រូវបានបណ្តេញតាមច្រកនេះស្ទើរតែទាំងអស់ ទើបតែចេញពីមណ្ឌលឃុំខ្លួនអន្តោប្រវេសន៍ ដូច្នេះការរាប់តែការឃុំខ្លួនមួយមុខ នឹងបញ្ជូនស្ទើរតែគ្រប់គ្នាទៅថតកាំរស្មីអ៊ិច៖ សមហេតុផលនៅកន្លែងដែលមានម៉ាស៊ីនថតនៅនឹងកន្លែង មិនមែននៅកន្លែងដែលការបញ្ជូននីមួយៗតម្រូវឱ្យធ្វើដំណើរទៅកន្លែងផ្សេងទេ។ នៅពេលបិទការកំណត់នេះ ការឃុំខ្លួននៅតែត្រូវកត់ត្រា ហើយរោគសញ្ញា ឬកត្តាហានិភ័យផ្សេងទៀតនៅតែបញ្ជូនដដែល។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="191"/>
        <source>Wrong key, or this file is not a Checkpoint store.</source>
        <translation type="unfinished">សោមិនត្រឹមត្រូវ ឬឯកសារនេះមិនមែនជាមូលដ្ឋានទិន្នន័យរបស់ Checkpoint ទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="192"/>
        <source>Wrong recovery code.</source>
        <translation type="unfinished">លេខកូដស្តារមិនត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="193"/>
        <source>You cannot change your own role.</source>
        <translation type="unfinished">អ្នកមិនអាចប្តូរតួនាទីរបស់ខ្លួនឯងបានទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="194"/>
        <source>You cannot lock your own account.</source>
        <translation type="unfinished">អ្នកមិនអាចចាក់សោគណនីរបស់ខ្លួនឯងបានទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="195"/>
        <source>Your role does not work at this station.</source>
        <translation>តួនាទីរបស់អ្នកមិនធ្វើការនៅស្ថានីយនេះទេ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="196"/>
        <source>Your role may not correct a person&apos;s record, so a new phone or destination cannot be saved. Put back what the record holds, or ask a supervisor.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>តួនាទីរបស់អ្នកមិនអាចកែតម្រូវកំណត់ត្រារបស់បុគ្គលបានទេ ដូច្នេះលេខទូរស័ព្ទ ឬគោលដៅថ្មី មិនអាចរក្សាទុកបានទេ។ សូមដាក់វិញនូវអ្វីដែលកំណត់ត្រាមាន ឬសួរអ្នកត្រួតពិនិត្យ។</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="197"/>
        <source>a 2 x 44 MRZ must start with P (passport): re-scan</source>
        <translation type="unfinished">MRZ ប្រភេទ 2 x 44 ត្រូវចាប់ផ្តើមដោយ P (លិខិតឆ្លងដែន)៖ សូមស្កេនម្តងទៀត</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="198"/>
        <source>a chest X-ray is recorded for a person the screen refers</source>
        <translation>ការថតកាំរស្មីអ៊ិចទ្រូងត្រូវកត់ត្រាសម្រាប់តែអ្នកដែលការពិនិត្យបញ្ជូនប៉ុណ្ណោះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="199"/>
        <source>a child&apos;s consent is given by the guardian</source>
        <translation>ការយល់ព្រមសម្រាប់កុមារ ត្រូវផ្តល់ដោយអាណាព្យាបាល</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="200"/>
        <source>a column name or a list of 1 to %1 column names</source>
        <translation>ឈ្មោះជួរឈរមួយ ឬបញ្ជីឈ្មោះជួរឈរពី 1 ដល់ %1</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="201"/>
        <source>a consent has a field it cannot have</source>
        <translation>ការយល់ព្រមមួយមានចំណុចព័ត៌មានដែលមិនអាចមាន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="202"/>
        <source>a date of birth or an estimated age is required</source>
        <translation type="unfinished">ត្រូវការថ្ងៃខែឆ្នាំកំណើត ឬអាយុប៉ាន់ស្មាន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="203"/>
        <source>a guardian is named only when the guardian consents</source>
        <translation>ឈ្មោះអាណាព្យាបាលត្រូវដាក់ តែនៅពេលអាណាព្យាបាលជាអ្នកយល់ព្រម</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="204"/>
        <source>a list row needs its group</source>
        <translation>ជួរបញ្ជីត្រូវការក្រុមរបស់វា</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="205"/>
        <source>a name in Latin or Khmer script is required</source>
        <translation type="unfinished">ត្រូវការឈ្មោះជាអក្សរឡាតាំង ឬអក្សរខ្មែរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="206"/>
        <source>a sealed section is at most 1 MiB</source>
        <translation>ផ្នែកដែលបានបិទផ្សាភ្ជាប់ មានទំហំយ៉ាងច្រើន 1 MiB</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="207"/>
        <source>a sealed section needs at least one recipient</source>
        <translation>ផ្នែកដែលបានបិទផ្សាភ្ជាប់ ត្រូវការអ្នកទទួលយ៉ាងហោចណាស់ម្នាក់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="208"/>
        <source>a sheet name of 1 to 31 characters without : \ / ? * [ ]</source>
        <translation>ឈ្មោះសន្លឹក (sheet) ពី 1 ដល់ 31 តួអក្សរ ដោយគ្មាន : \ / ? * [ ]</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="209"/>
        <source>an amount was given but no debt is owed</source>
        <translation type="unfinished">បានបញ្ចូលចំនួនទឹកប្រាក់ ប៉ុន្តែមិនមានបំណុលទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="210"/>
        <source>an item cannot be answered both yes and no</source>
        <translation>សំណួរមួយមិនអាចឆ្លើយទាំង បាទ/ចាស និង ទេ បានទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="211"/>
        <source>an object giving text for each code (at most %1 codes)</source>
        <translation>វត្ថុ (object) ដែលផ្ដល់អត្ថបទសម្រាប់លេខកូដនីមួយៗ (យ៉ាងច្រើន %1 លេខកូដ)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="212"/>
        <source>an officer&apos;s referral is to a protection agency</source>
        <translation>ការបញ្ជូនដោយមន្ត្រី គឺទៅស្ថាប័នការពារ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="213"/>
        <source>any TB symptom (cough of any duration, coughing up blood, fever, night sweats, weight loss)</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>រោគសញ្ញារបេងណាមួយ (ក្អកមិនថារយៈពេលប៉ុន្មាន ក្អកចេញឈាម គ្រុនក្តៅ បែកញើសពេលយប់ ស្រកទម្ងន់)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="214"/>
        <source>any symptom</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>រោគសញ្ញាណាមួយ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="215"/>
        <source>applies to children only</source>
        <translation>អនុវត្តចំពោះកុមារតែប៉ុណ្ណោះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="216"/>
        <source>applies to children under 15 only; use weight_loss</source>
        <translation type="unfinished">អនុវត្តចំពោះកុមារអាយុក្រោម ១៥ឆ្នាំប៉ុណ្ណោះ៖ សូមប្រើ weight_loss</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="217"/>
        <source>cannot be in the future</source>
        <translation type="unfinished">មិនអាចជាថ្ងៃអនាគតបានទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="218"/>
        <source>cannot be updated on a referral</source>
        <translation type="unfinished">មិនអាចធ្វើបច្ចុប្បន្នភាពលើការបញ្ជូនបានទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="219"/>
        <source>child under 15 — any of cough, coughing up blood, fever, night sweats, weight loss or poor weight gain</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>កុមារអាយុក្រោម ១៥ ឆ្នាំ — ក្អក ក្អកចេញឈាម គ្រុនក្តៅ បែកញើសពេលយប់ ស្រកទម្ងន់ ឬឡើងទម្ងន់មិនល្អ ណាមួយ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="220"/>
        <source>choose an agency from the directory</source>
        <translation>ជ្រើសរើសស្ថាប័នពីបញ្ជីស្ថាប័ន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="221"/>
        <source>choose the agency or facility</source>
        <translation type="unfinished">សូមជ្រើសរើសស្ថាប័ន ឬមូលដ្ឋានសុខាភិបាល</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="222"/>
        <source>choose the outcome when closing a referral</source>
        <translation>ជ្រើសរើសលទ្ធផល ពេលបិទការបញ្ជូនបន្ត</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="223"/>
        <source>choose the type of the document whose number is given</source>
        <translation type="unfinished">សូមជ្រើសរើសប្រភេទឯកសារ ដែលលេខរបស់វាត្រូវបានបញ្ចូល</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="224"/>
        <source>consent to store the record is required to save it</source>
        <translation type="unfinished">ត្រូវមានការយល់ព្រមឱ្យរក្សាទុកកំណត់ត្រា ទើបអាចរក្សាទុកបាន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="225"/>
        <source>contains a character that is not in recovery codes (0-9, A-Z except U)</source>
        <translation type="unfinished">មានតួអក្សរដែលមិនមាននៅក្នុងលេខកូដស្តារ (0-9, A-Z លើកលែងតែ U)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="226"/>
        <source>contains a spreadsheet formula: type the value instead</source>
        <translation>មានរូបមន្តតារាងគណនា៖ សូមវាយតម្លៃជំនួសវិញ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="227"/>
        <source>contains an unknown method</source>
        <translation type="unfinished">មានវិធីសាស្ត្រដែលមិនស្គាល់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="228"/>
        <source>contains an unknown type of exploitation</source>
        <translation>មានប្រភេទនៃការកេងប្រវ័ញ្ចដែលមិនស្គាល់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="229"/>
        <source>contains an unknown vulnerability flag</source>
        <translation>មានសញ្ញាភាពងាយរងគ្រោះដែលមិនស្គាល់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="230"/>
        <source>contains characters other than A-Z, 0-9 and &lt;</source>
        <translation type="unfinished">មានតួអក្សរក្រៅពី A-Z, 0-9 និង &lt;</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="231"/>
        <source>contains characters that cannot be encoded</source>
        <translation type="unfinished">មានតួអក្សរដែលមិនអាចអ៊ិនកូដបាន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="232"/>
        <source>contains control characters</source>
        <translation type="unfinished">មានតួអក្សរបញ្ជា (control characters)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="233"/>
        <source>days of detention were given but no detention</source>
        <translation type="unfinished">បានបញ្ចូលចំនួនថ្ងៃឃុំខ្លួន ប៉ុន្តែមិនបានឃុំខ្លួនទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="234"/>
        <source>destination</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ទិសដៅ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="235"/>
        <source>each answer must be yes, no or not asked</source>
        <translation>ចម្លើយនីមួយៗត្រូវតែជា បាទ/ចាស ទេ ឬមិនបានសួរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="236"/>
        <source>each consent must be an object</source>
        <translation>ការយល់ព្រមនីមួយៗត្រូវតែជាវត្ថុមួយ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="237"/>
        <source>each purpose needs its wording in English and Khmer</source>
        <translation>គោលបំណងនីមួយៗត្រូវការអត្ថបទជាភាសាអង់គ្លេស និងខ្មែរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="238"/>
        <source>expected an open transaction</source>
        <translation type="unfinished">ត្រូវការប្រតិបត្តិការ (transaction) ដែលកំពុងបើក</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="239"/>
        <source>exploitation</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ការកេងប្រវ័ញ្ច</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="240"/>
        <source>follow-up stages apply to health referrals only</source>
        <translation type="unfinished">ដំណាក់កាលតាមដាន អនុវត្តចំពោះការបញ្ជូនផ្នែកសុខភាពប៉ុណ្ណោះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="241"/>
        <source>give a date of birth or an estimated age, not both</source>
        <translation type="unfinished">សូមបញ្ចូលថ្ងៃខែឆ្នាំកំណើត ឬអាយុប៉ាន់ស្មាន មិនមែនទាំងពីរទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="242"/>
        <source>give a reason for the correction</source>
        <translation type="unfinished">សូមផ្តល់មូលហេតុនៃការកែតម្រូវ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="243"/>
        <source>give either a new person or an existing person&apos;s id</source>
        <translation type="unfinished">សូមផ្តល់បុគ្គលថ្មី ឬលេខសម្គាល់របស់បុគ្គលដែលមានស្រាប់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="244"/>
        <source>give the Xpert result with its date</source>
        <translation>សូមផ្តល់លទ្ធផល Xpert ជាមួយកាលបរិច្ឆេទរបស់វា</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="245"/>
        <source>give the chest X-ray reading</source>
        <translation>សូមផ្តល់លទ្ធផលអានកាំរស្មីអ៊ិចទ្រូង</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="246"/>
        <source>give the chest X-ray reading with its date</source>
        <translation>សូមផ្តល់លទ្ធផលអានកាំរស្មីអ៊ិចទ្រូងជាមួយកាលបរិច្ឆេទរបស់វា</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="247"/>
        <source>give the period as two dates</source>
        <translation>សូមផ្តល់រយៈពេលជាកាលបរិច្ឆេទពីរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="248"/>
        <source>give the treatment outcome with its date</source>
        <translation>សូមផ្តល់លទ្ធផលព្យាបាលជាមួយកាលបរិច្ឆេទរបស់វា</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="249"/>
        <source>given without a cough</source>
        <translation type="unfinished">បានបញ្ចូល ប៉ុន្តែមិនមានក្អកទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="250"/>
        <source>has a field it cannot have</source>
        <translation>មានចំណុចព័ត៌មានដែលមិនអាចមាន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="251"/>
        <source>has a typo: compare each character with the printed code</source>
        <translation type="unfinished">មានកំហុសវាយ៖ សូមប្រៀបធៀបតួអក្សរនីមួយៗ ជាមួយកូដដែលបានបោះពុម្ព</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="252"/>
        <source>has expired: the checkpoint can print a new slip</source>
        <translation>ផុតសុពលភាពហើយ៖ ប៉ុស្តិ៍ត្រួតពិនិត្យអាចបោះពុម្ពលិខិតថ្មីបាន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="253"/>
        <source>indicator ids must be strings</source>
        <translation type="unfinished">លេខសម្គាល់សូចនាករ ត្រូវតែជាអក្សរ (string)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="254"/>
        <source>is empty</source>
        <translation type="unfinished">ទទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="255"/>
        <source>is far too long</source>
        <translation type="unfinished">វែងពេកណាស់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="256"/>
        <source>is larger than 2 GiB: split it</source>
        <translation type="unfinished">ធំជាង 2 GiB៖ សូមបំបែកវា</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="257"/>
        <source>is longer than 200 characters</source>
        <translation>វែងជាង ២០០ តួអក្សរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="258"/>
        <source>is malformed</source>
        <translation>មានទម្រង់មិនត្រឹមត្រូវ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="259"/>
        <source>is more than this site allows for this item</source>
        <translation>លើសពីចំនួនដែលទីតាំងនេះអនុញ្ញាតសម្រាប់របស់នេះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="260"/>
        <source>is not a Cambodian province</source>
        <translation>មិនមែនជាខេត្តនៃកម្ពុជាទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="261"/>
        <source>is not a Checkpoint referral slip code</source>
        <translation type="unfinished">មិនមែនជាកូដលិខិតបញ្ជូនរបស់ Checkpoint ទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="262"/>
        <source>is not a WHO treatment outcome</source>
        <translation>មិនមែនជាលទ្ធផលព្យាបាលរបស់អង្គការសុខភាពពិភពលោកទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="263"/>
        <source>is not a consent purpose</source>
        <translation>មិនមែនជាគោលបំណងនៃការយល់ព្រមទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="264"/>
        <source>is not a contact or destination field</source>
        <translation>មិនមែនជាចំណុចព័ត៌មានទំនាក់ទំនង ឬទិសដៅទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="265"/>
        <source>is not a date</source>
        <translation>មិនមែនជាកាលបរិច្ឆេទទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="266"/>
        <source>is not a date (write it as 31/12/1990, 1990-12-31 or with a Buddhist-era year such as 2533)</source>
        <translation>មិនមែនជាកាលបរិច្ឆេទទេ (សរសេរជា 31/12/1990, 1990-12-31 ឬជាឆ្នាំពុទ្ធសករាជ ដូចជា 2533)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="267"/>
        <source>is not a destination field</source>
        <translation>មិនមែនជាវាលទិសដៅទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="268"/>
        <source>is not a document type</source>
        <translation>មិនមែនជាប្រភេទឯកសារទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="269"/>
        <source>is not a field of a handover group</source>
        <translation>មិនមែនជាវាលនៃក្រុមប្រគល់ទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="270"/>
        <source>is not a field of a handover list</source>
        <translation>មិនមែនជាវាលនៃបញ្ជីប្រគល់ទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="271"/>
        <source>is not a follow-up stage</source>
        <translation>មិនមែនជាដំណាក់កាលតាមដានទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="272"/>
        <source>is not a known agency</source>
        <translation>មិនមែនជាស្ថាប័នដែលស្គាល់ទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="273"/>
        <source>is not a known code</source>
        <translation type="unfinished">មិនមែនជាកូដដែលស្គាល់ទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="274"/>
        <source>is not a known kind of work</source>
        <translation>មិនមែនជាប្រភេទការងារដែលស្គាល់ទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="275"/>
        <source>is not a known result</source>
        <translation type="unfinished">មិនមែនជាលទ្ធផលដែលស្គាល់ទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="276"/>
        <source>is not a person field</source>
        <translation type="unfinished">មិនមែនជាចំណុចព័ត៌មានរបស់បុគ្គលទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="277"/>
        <source>is not a record id</source>
        <translation type="unfinished">មិនមែនជាលេខសម្គាល់កំណត់ត្រាទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="278"/>
        <source>is not a record type</source>
        <translation type="unfinished">មិនមែនជាប្រភេទកំណត់ត្រាទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="279"/>
        <source>is not a referral status</source>
        <translation type="unfinished">មិនមែនជាស្ថានភាពនៃការបញ្ជូនទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="280"/>
        <source>is not a row of the list</source>
        <translation>មិនមែនជាជួរនៃបញ្ជីទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="281"/>
        <source>is not a station code</source>
        <translation type="unfinished">មិនមែនជាកូដស្ថានីយទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="282"/>
        <source>is not a usable X25519 public key</source>
        <translation type="unfinished">មិនមែនជាសោសាធារណៈ X25519 ដែលអាចប្រើបានទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="283"/>
        <source>is not an ISO 639 language code</source>
        <translation>មិនមែនជាលេខកូដភាសា ISO 639 ទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="284"/>
        <source>is not an agency of the list</source>
        <translation>មិនមែនជាស្ថាប័នក្នុងបញ្ជីទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="285"/>
        <source>is not an arrival field</source>
        <translation type="unfinished">មិនមែនជាចំណុចព័ត៌មាននៃការមកដល់ទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="286"/>
        <source>is not an assistance item</source>
        <translation>មិនមែនជារបស់ជំនួយទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="287"/>
        <source>is not part of the TB screen</source>
        <translation type="unfinished">មិនមែនជាផ្នែកនៃការពិនិត្យស្រាវជ្រាវជំងឺរបេងទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="288"/>
        <source>is not part of the chest X-ray</source>
        <translation>មិនមែនជាផ្នែកនៃការថតកាំរស្មីអ៊ិចទ្រូងទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="289"/>
        <source>is not part of the trafficking checklist</source>
        <translation type="unfinished">មិនមែនជាផ្នែកនៃបញ្ជីសូចនាករការជួញដូរមនុស្សទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="290"/>
        <source>is not the version of the consent wording shown</source>
        <translation>មិនមែនជាកំណែនៃអត្ថបទការយល់ព្រមដែលបានបង្ហាញទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="291"/>
        <source>is not this arrival&apos;s person</source>
        <translation>មិនមែនជាបុគ្គលនៃការមកដល់នេះទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="292"/>
        <source>is not this device&apos;s chain head</source>
        <translation>មិនមែនជាក្បាលខ្សែសង្វាក់របស់ឧបករណ៍នេះទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="293"/>
        <source>is required</source>
        <translation type="unfinished">ត្រូវតែបំពេញ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="294"/>
        <source>is required (at most 80 characters)</source>
        <translation type="unfinished">ត្រូវតែបំពេញ (មិនលើសពី 80 តួអក្សរ)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="295"/>
        <source>is required for a cough in prolonged-cough mode</source>
        <translation type="unfinished">ត្រូវតែបំពេញ នៅពេលមានក្អក ក្នុងរបៀបពិនិត្យក្អករយៈពេលយូរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="296"/>
        <source>is required to change your own passphrase</source>
        <translation type="unfinished">ត្រូវតែបំពេញ ដើម្បីប្តូរឃ្លាសម្ងាត់របស់ខ្លួនឯង</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="297"/>
        <source>is the address this device already uses</source>
        <translation>គឺជាអាសយដ្ឋានដែលឧបករណ៍នេះកំពុងប្រើរួចហើយ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="298"/>
        <source>is too easy to guess: it is a common password, a word, a name, a date or a pattern</source>
        <translation>ងាយទាយពេក៖ វាជាពាក្យសម្ងាត់ដែលគេប្រើញឹកញាប់ ពាក្យមួយ ឈ្មោះ កាលបរិច្ឆេទ ឬលំនាំងាយៗ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="299"/>
        <source>is too far in the past</source>
        <translation type="unfinished">យូរពេកក្នុងអតីតកាល</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="300"/>
        <source>is too large</source>
        <translation type="unfinished">ធំពេក</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="301"/>
        <source>is too long</source>
        <translation type="unfinished">វែងពេក</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="302"/>
        <source>is too long (at most 1024 characters)</source>
        <translation>វែងពេក (យ៉ាងច្រើន ១០២៤ តួអក្សរ)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="303"/>
        <source>is too long to be a referral slip code</source>
        <translation type="unfinished">វែងពេក មិនអាចជាកូដលិខិតបញ្ជូនបានទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="304"/>
        <source>living with HIV (%1)</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>រស់នៅជាមួយមេរោគអេដស៍ (%1)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="305"/>
        <source>may contain only Latin letters, spaces, hyphens and apostrophes</source>
        <translation type="unfinished">អាចមានតែអក្សរឡាតាំង ដកឃ្លា សញ្ញាដាច់ (-) និងសញ្ញាអាប៉ូស្ត្រូហ្វ (&apos;) ប៉ុណ្ណោះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="306"/>
        <source>may contain only letters and digits (at most 20)</source>
        <translation type="unfinished">អាចមានតែអក្សរ និងលេខប៉ុណ្ណោះ (មិនលើសពី 20)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="307"/>
        <source>medium</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មធ្យម</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="308"/>
        <source>must be &apos;any_symptom&apos; or &apos;prolonged_cough&apos;</source>
        <translation type="unfinished">ត្រូវតែជា &apos;any_symptom&apos; ឬ &apos;prolonged_cough&apos;</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="309"/>
        <source>must be &apos;en&apos; or &apos;km&apos;</source>
        <translation type="unfinished">ត្រូវតែជា &apos;en&apos; ឬ &apos;km&apos;</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="310"/>
        <source>must be &apos;positive&apos;, &apos;negative&apos; or &apos;unknown&apos;</source>
        <translation type="unfinished">ត្រូវតែជា &apos;positive&apos;, &apos;negative&apos; ឬ &apos;unknown&apos;</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="311"/>
        <source>must be 6 to 15 digits, optionally starting with +</source>
        <translation type="unfinished">ត្រូវតែមានពី 6 ដល់ 15 ខ្ទង់ ហើយអាចចាប់ផ្តើមដោយ + ក៏បាន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="312"/>
        <source>must be F, M, X or UNKNOWN</source>
        <translation type="unfinished">ត្រូវតែជា F, M, X ឬ UNKNOWN</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="313"/>
        <source>must be IMMEDIATE_DANGER, SAME_DAY or ROUTINE</source>
        <translation type="unfinished">ត្រូវតែជា IMMEDIATE_DANGER, SAME_DAY ឬ ROUTINE</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="314"/>
        <source>must be M or F (or ប្រុស / ស្រី)</source>
        <translation>ត្រូវតែជា M ឬ F (ឬ ប្រុស / ស្រី)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="315"/>
        <source>must be THB, KHR or USD</source>
        <translation type="unfinished">ត្រូវតែជា THB, KHR ឬ USD</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="316"/>
        <source>must be a 32-byte public key</source>
        <translation type="unfinished">ត្រូវតែជាសោសាធារណៈ 32 បៃ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="317"/>
        <source>must be a KdfParams</source>
        <translation type="unfinished">ត្រូវតែជា KdfParams</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="318"/>
        <source>must be a consent</source>
        <translation>ត្រូវតែជាការយល់ព្រម</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="319"/>
        <source>must be a date</source>
        <translation type="unfinished">ត្រូវតែជាកាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="320"/>
        <source>must be a date and time</source>
        <translation type="unfinished">ត្រូវតែជាកាលបរិច្ឆេទ និងម៉ោង</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="321"/>
        <source>must be a date written YYYY-MM-DD</source>
        <translation type="unfinished">ត្រូវតែជាកាលបរិច្ឆេទ សរសេរតាមទម្រង់ YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="322"/>
        <source>must be a form</source>
        <translation>ត្រូវតែជាទម្រង់បែបបទ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="323"/>
        <source>must be a list of codes</source>
        <translation>ត្រូវតែជាបញ្ជីកូដ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="324"/>
        <source>must be a list of consents</source>
        <translation>ត្រូវតែជាបញ្ជីនៃការយល់ព្រម</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="325"/>
        <source>must be a list of indicator ids</source>
        <translation type="unfinished">ត្រូវតែជាបញ្ជីលេខសម្គាល់សូចនាករ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="326"/>
        <source>must be a list of types of exploitation</source>
        <translation>ត្រូវតែជាបញ្ជីនៃប្រភេទការកេងប្រវ័ញ្ច</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="327"/>
        <source>must be a number</source>
        <translation type="unfinished">ត្រូវតែជាលេខ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="328"/>
        <source>must be a number from 0 to 100</source>
        <translation>ត្រូវតែជាលេខពី ០ ដល់ ១០០</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="329"/>
        <source>must be a number of days from 0 to 3660</source>
        <translation>ត្រូវតែជាចំនួនថ្ងៃពី 0 ដល់ 3660</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="330"/>
        <source>must be a positive number of bytes</source>
        <translation type="unfinished">ត្រូវតែជាចំនួនបៃវិជ្ជមាន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="331"/>
        <source>must be a result of evaluate_tb or None</source>
        <translation type="unfinished">ត្រូវតែជាលទ្ធផលរបស់ evaluate_tb ឬ None</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="332"/>
        <source>must be a result of evaluate_trafficking or None</source>
        <translation type="unfinished">ត្រូវតែជាលទ្ធផលរបស់ evaluate_trafficking ឬ None</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="333"/>
        <source>must be a set of fields</source>
        <translation>ត្រូវតែជាសំណុំនៃចំណុចព័ត៌មាន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="334"/>
        <source>must be a set of indicator ids</source>
        <translation type="unfinished">ត្រូវតែជាសំណុំលេខសម្គាល់សូចនាករ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="335"/>
        <source>must be a short line of text</source>
        <translation>ត្រូវតែជាអត្ថបទខ្លីមួយបន្ទាត់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="336"/>
        <source>must be a whole number</source>
        <translation type="unfinished">ត្រូវតែជាចំនួនគត់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="337"/>
        <source>must be a whole number for this item</source>
        <translation>ត្រូវតែជាចំនួនគត់សម្រាប់របស់នេះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="338"/>
        <source>must be a whole number of days</source>
        <translation type="unfinished">ត្រូវតែជាចំនួនថ្ងៃគត់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="339"/>
        <source>must be a whole number of days from 0 to 365</source>
        <translation>ត្រូវតែជាចំនួនថ្ងៃគត់ ពី 0 ដល់ 365</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="340"/>
        <source>must be a whole number of years</source>
        <translation type="unfinished">ត្រូវតែជាចំនួនឆ្នាំគត់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="341"/>
        <source>must be accompanied, separated or unaccompanied</source>
        <translation>ត្រូវតែជាមានអ្នកអមដំណើរ បែកពីឪពុកម្តាយ ឬគ្មានអ្នកអមដំណើរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="342"/>
        <source>must be active or disabled</source>
        <translation type="unfinished">ត្រូវតែជា active ឬ disabled</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="343"/>
        <source>must be an age in whole years</source>
        <translation>ត្រូវតែជាអាយុគិតជាឆ្នាំគត់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="344"/>
        <source>must be an age in years</source>
        <translation type="unfinished">ត្រូវតែជាអាយុគិតជាឆ្នាំ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="345"/>
        <source>must be at least 12 characters (or much less predictable); several words are easiest</source>
        <translation>ត្រូវមានយ៉ាងតិច ១២ តួអក្សរ (ឬពិបាកទាយជាងនេះច្រើន)។ ការប្រើពាក្យច្រើនម៉ាត់ជាមួយគ្នា គឺងាយស្រួលបំផុត</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="346"/>
        <source>must be at most 500 characters</source>
        <translation>ត្រូវតែមិនលើសពី ៥០០ តួអក្សរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="347"/>
        <source>must be between 0 and 1,000,000,000</source>
        <translation type="unfinished">ត្រូវតែនៅចន្លោះពី 0 ដល់ 1,000,000,000</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="348"/>
        <source>must be between 0 and 5,000,000</source>
        <translation type="unfinished">ត្រូវតែនៅចន្លោះពី 0 ដល់ 5,000,000</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="349"/>
        <source>must be between 1 and 100,000</source>
        <translation type="unfinished">ត្រូវតែនៅចន្លោះពី 1 ដល់ 100,000</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="350"/>
        <source>must be between 1 and 1000</source>
        <translation>ត្រូវតែនៅចន្លោះ ១ និង ១០០០</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="351"/>
        <source>must be bus, truck, van, on foot or other</source>
        <translation>ត្រូវតែជាឡានក្រុង ឡានដឹកទំនិញ ឡានតូច ថ្មើរជើង ឬផ្សេងទៀត</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="352"/>
        <source>must be bytes</source>
        <translation type="unfinished">ត្រូវតែជាបៃ (bytes)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="353"/>
        <source>must be child or adult</source>
        <translation>ត្រូវតែជាកុមារ ឬមនុស្សពេញវ័យ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="354"/>
        <source>must be csv or xlsx</source>
        <translation>ត្រូវតែជា csv ឬ xlsx</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="355"/>
        <source>must be done, referred or left</source>
        <translation>ត្រូវតែជាបានបញ្ចប់ បានបញ្ជូន ឬបានចាកចេញ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="356"/>
        <source>must be head, spouse, child or other relative</source>
        <translation>ត្រូវតែជាមេគ្រួសារ ប្តីឬប្រពន្ធ កូន ឬសាច់ញាតិផ្សេងទៀត</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="357"/>
        <source>must be kept or other</source>
        <translation type="unfinished">ត្រូវតែជា kept ឬ other</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="358"/>
        <source>must be more than zero</source>
        <translation>ត្រូវតែធំជាងសូន្យ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="359"/>
        <source>must be more than zero and at most the item&apos;s maximum</source>
        <translation>ត្រូវតែធំជាងសូន្យ និងមិនលើសចំនួនអតិបរមារបស់របស់នេះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="360"/>
        <source>must be officer, health_worker, supervisor or admin</source>
        <translation type="unfinished">ត្រូវតែជា officer, health_worker, supervisor ឬ admin</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="361"/>
        <source>must be protection, child_protection or health</source>
        <translation type="unfinished">ត្រូវតែជា protection, child_protection ឬ health</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="362"/>
        <source>must be sealed, sent or failed</source>
        <translation type="unfinished">ត្រូវតែជា sealed, sent ឬ failed</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="363"/>
        <source>must be text</source>
        <translation type="unfinished">ត្រូវតែជាអក្សរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="364"/>
        <source>must be the person or the guardian</source>
        <translation>ត្រូវតែជាសាមីខ្លួន ឬអាណាព្យាបាល</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="365"/>
        <source>must be true or false</source>
        <translation type="unfinished">ត្រូវតែជា true ឬ false</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="366"/>
        <source>must be within a year before and two years after today</source>
        <translation>ត្រូវតែនៅចន្លោះមួយឆ្នាំមុន និងពីរឆ្នាំក្រោយថ្ងៃនេះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="367"/>
        <source>must be written in Khmer script</source>
        <translation type="unfinished">ត្រូវតែសរសេរជាអក្សរខ្មែរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="368"/>
        <source>must be yes or no</source>
        <translation type="unfinished">ត្រូវតែជា បាទ/ចាស ឬ ទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="369"/>
        <source>must be yes, no or maybe</source>
        <translation>ត្រូវតែជា បាទ/ចាស ទេ ឬ ប្រហែល</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="370"/>
        <source>must be yes, no or not asked</source>
        <translation>ត្រូវតែជា បាទ/ចាស ទេ ឬមិនបានសួរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="371"/>
        <source>must carry a time zone</source>
        <translation type="unfinished">ត្រូវតែមានល្វែងម៉ោង (time zone)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="372"/>
        <source>must map each field to a column name</source>
        <translation>ត្រូវតែផ្គូផ្គងវាលនីមួយៗទៅឈ្មោះជួរឈរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="373"/>
        <source>must map each purpose to yes or no</source>
        <translation type="unfinished">គោលបំណងនីមួយៗ ត្រូវតែមានចម្លើយ បាទ/ចាស ឬ ទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="374"/>
        <source>must map each question to yes, no or not asked</source>
        <translation>សំណួរនីមួយៗត្រូវតែមានចម្លើយ បាទ/ចាស ទេ ឬមិនបានសួរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="375"/>
        <source>must name a column</source>
        <translation>ត្រូវតែដាក់ឈ្មោះជួរឈរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="376"/>
        <source>must not be empty</source>
        <translation type="unfinished">មិនអាចទទេបានទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="377"/>
        <source>must not be empty: pass the object&apos;s identity (store id + slot)</source>
        <translation type="unfinished">មិនអាចទទេបានទេ៖ សូមផ្តល់អត្តសញ្ញាណរបស់វត្ថុ (store id + slot)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="378"/>
        <source>must not contain the user name</source>
        <translation>មិនត្រូវមានឈ្មោះអ្នកប្រើនៅក្នុងនោះទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="379"/>
        <source>name the agency this consent is for</source>
        <translation>សូមដាក់ឈ្មោះស្ថាប័នដែលការយល់ព្រមនេះសម្រាប់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="380"/>
        <source>name the guardian and the relationship to the person</source>
        <translation>សូមដាក់ឈ្មោះអាណាព្យាបាល និងទំនាក់ទំនងជាមួយសាមីខ្លួន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="381"/>
        <source>name the job or the sector the person is looking for</source>
        <translation>សូមបញ្ជាក់ការងារ ឬវិស័យដែលបុគ្គលនេះកំពុងស្វែងរក</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="382"/>
        <source>names a station this site does not run</source>
        <translation>ដាក់ឈ្មោះស្ថានីយដែលទីតាំងនេះមិនដំណើរការ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="383"/>
        <source>no such user</source>
        <translation type="unfinished">គ្មានអ្នកប្រើនេះទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="384"/>
        <source>not a consent wording document of version 1</source>
        <translation>មិនមែនជាឯកសារអត្ថបទការយល់ព្រមកំណែទី ១ ទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="385"/>
        <source>not positive</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មិនវិជ្ជមាន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="386"/>
        <source>not positive: %1</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មិនវិជ្ជមាន៖ %1</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="387"/>
        <source>nothing ticked</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មិនបានគូសធីកអ្វីទាំងអស់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="388"/>
        <source>nothing to change</source>
        <translation type="unfinished">គ្មានអ្វីត្រូវប្តូរទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="389"/>
        <source>nothing to correct</source>
        <translation>គ្មានអ្វីត្រូវកែទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="390"/>
        <source>nothing to update</source>
        <translation type="unfinished">គ្មានអ្វីត្រូវធ្វើបច្ចុប្បន្នភាពទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="391"/>
        <source>one medium indicator is not enough without a strong one, two more medium, or one more medium and a weak</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>សូចនាករមធ្យមតែមួយមិនគ្រប់គ្រាន់ទេ បើគ្មានសូចនាករខ្លាំងមួយ សូចនាករមធ្យមពីរទៀត ឬសូចនាករមធ្យមមួយទៀតនិងសូចនាករខ្សោយមួយ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="392"/>
        <source>one strong indicator alone is not enough; it needs one more indicator in this dimension</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>សូចនាករខ្លាំងតែមួយមិនគ្រប់គ្រាន់ទេ ត្រូវការសូចនាករមួយទៀតនៅក្នុងវិមាត្រនេះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="393"/>
        <source>only a closed referral has an outcome</source>
        <translation>មានតែការបញ្ជូនបន្តដែលបានបិទទេដែលមានលទ្ធផល</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="394"/>
        <source>only for an existing person</source>
        <translation>សម្រាប់តែបុគ្គលដែលបានចុះឈ្មោះរួចហើយប៉ុណ្ណោះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="395"/>
        <source>only when the person may work abroad again</source>
        <translation>តែនៅពេលបុគ្គលនេះអាចទៅធ្វើការនៅបរទេសម្តងទៀតប៉ុណ្ណោះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="396"/>
        <source>person living with HIV — WHO four-symptom screen (cough of any duration, fever, night sweats, weight loss) plus coughing up blood; this applies whatever the screen mode</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>អ្នករស់នៅជាមួយមេរោគអេដស៍ — ការពិនិត្យរោគសញ្ញាបួនរបស់ WHO (ក្អកមិនថារយៈពេលប៉ុន្មាន គ្រុនក្តៅ បែកញើសពេលយប់ ស្រកទម្ងន់) បូកនឹងក្អកចេញឈាម។ វិធាននេះអនុវត្តមិនថារបៀបពិនិត្យណាក៏ដោយ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="397"/>
        <source>positive</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>វិជ្ជមាន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="398"/>
        <source>positive (%1)</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>វិជ្ជមាន (%1)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="399"/>
        <source>positive: %1</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>វិជ្ជមាន៖ %1</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="400"/>
        <source>prolonged cough</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ក្អករ៉ាំរ៉ៃ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="401"/>
        <source>prolonged cough — cough for %1 days or more, or coughing up blood</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ក្អករ៉ាំរ៉ៃ — ក្អករយៈពេល %1 ថ្ងៃ ឬលើសពីនេះ ឬក្អកចេញឈាម</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="402"/>
        <source>record a TB diagnosis before the transfer for treatment</source>
        <translation>សូមកត់ត្រារោគវិនិច្ឆ័យជំងឺរបេង មុនពេលបញ្ជូនទៅព្យាបាល</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="403"/>
        <source>record the sputum collection before the Xpert result</source>
        <translation>សូមកត់ត្រាការប្រមូលកំហាក មុនលទ្ធផល Xpert</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="404"/>
        <source>record the treatment start before its outcome</source>
        <translation>សូមកត់ត្រាការចាប់ផ្តើមព្យាបាល មុនលទ្ធផលរបស់វា</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="405"/>
        <source>record() must run inside a transaction</source>
        <translation type="unfinished">record() ត្រូវតែដំណើរការនៅក្នុងប្រតិបត្តិការ (transaction)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="406"/>
        <source>recruitment</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ការជ្រើសរើស</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="407"/>
        <source>referrals need consent to referral</source>
        <translation type="unfinished">ការបញ្ជូនត្រូវមានការយល់ព្រមឱ្យបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="408"/>
        <source>rekey() cannot run inside a transaction</source>
        <translation>rekey() មិនអាចដំណើរការនៅក្នុងប្រតិបត្តិការមួយបានទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="409"/>
        <source>say who signs in to the backup (--user)</source>
        <translation>សូមប្រាប់ថាអ្នកណាចូលក្នុងឯកសារបម្រុងទុក (--user)</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="410"/>
        <source>say why HQ&apos;s address changes</source>
        <translation>សូមប្រាប់មូលហេតុដែលអាសយដ្ឋានរបស់ទីស្នាក់ការកណ្ដាលផ្លាស់ប្ដូរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="411"/>
        <source>say why you refer the person</source>
        <translation>សូមប្រាប់មូលហេតុដែលអ្នកបញ្ជូនសាមីខ្លួន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="412"/>
        <source>strong</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ខ្លាំង</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="413"/>
        <source>text of at most %1 characters</source>
        <translation>អត្ថបទយ៉ាងច្រើន %1 តួអក្សរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="414"/>
        <source>the TB screen needs the person&apos;s age</source>
        <translation type="unfinished">ការពិនិត្យស្រាវជ្រាវជំងឺរបេង ត្រូវការអាយុរបស់សាមីខ្លួន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="415"/>
        <source>the TB screen needs the person&apos;s consent</source>
        <translation>ការពិនិត្យជំងឺរបេងត្រូវការការយល់ព្រមរបស់បុគ្គលនោះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="416"/>
        <source>the Xpert result cannot be dated before the sputum was collected</source>
        <translation>លទ្ធផល Xpert មិនអាចមានកាលបរិច្ឆេទមុនការប្រមូលកំហាកបានទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="417"/>
        <source>the checklist needs the person&apos;s age</source>
        <translation type="unfinished">បញ្ជីសូចនាករ ត្រូវការអាយុរបស់សាមីខ្លួន</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="418"/>
        <source>the content is not a referral slip&apos;s</source>
        <translation type="unfinished">ខ្លឹមសារនេះ មិនមែនជារបស់លិខិតបញ្ជូនទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="419"/>
        <source>the content repeats a field</source>
        <translation type="unfinished">ខ្លឹមសារមានចំណុចព័ត៌មានស្ទួនគ្នា</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="420"/>
        <source>the end must not be before the start</source>
        <translation>ថ្ងៃបញ្ចប់មិនត្រូវមុនថ្ងៃចាប់ផ្តើមទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="421"/>
        <source>the file already exists; choose a new name</source>
        <translation type="unfinished">ឯកសារនេះមានរួចហើយ៖ សូមជ្រើសរើសឈ្មោះថ្មី</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="422"/>
        <source>the guardian must be an adult</source>
        <translation>អាណាព្យាបាលត្រូវតែជាមនុស្សពេញវ័យ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="423"/>
        <source>the list has no column for this field: choose one in the column mapping</source>
        <translation>បញ្ជីគ្មានជួរឈរសម្រាប់វាលនេះទេ៖ សូមជ្រើសរើសមួយក្នុងការផ្គូផ្គងជួរឈរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="424"/>
        <source>the mapping names a column that is not in this list</source>
        <translation>ការផ្គូផ្គងដាក់ឈ្មោះជួរឈរដែលមិនមានក្នុងបញ្ជីនេះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="425"/>
        <source>the period ends before it starts</source>
        <translation>រយៈពេលបញ្ចប់មុនពេលចាប់ផ្តើម</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="426"/>
        <source>the pre-screen needs consent to the trafficking interview</source>
        <translation>សំណួរសញ្ញាព្រមានត្រូវការការយល់ព្រមលើការសម្ភាសន៍អំពីការជួញដូរមនុស្ស</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="427"/>
        <source>the same consent is given twice</source>
        <translation>ការយល់ព្រមដូចគ្នាត្រូវបានផ្តល់ពីរដង</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="428"/>
        <source>the same person is already on an earlier row of this list</source>
        <translation>មនុស្សដដែលមាននៅលើជួរមុននៃបញ្ជីនេះរួចហើយ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="429"/>
        <source>the sealed blob&apos;s ephemeral key is invalid: it was altered</source>
        <translation type="unfinished">សោបណ្តោះអាសន្នរបស់ទិន្នន័យដែលបានបិទផ្សាភ្ជាប់ មិនត្រឹមត្រូវ៖ វាត្រូវបានកែប្រែ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="430"/>
        <source>the sealed section&apos;s ephemeral key is invalid: it was altered</source>
        <translation>សោបណ្តោះអាសន្នរបស់ផ្នែកដែលបានបិទផ្សាភ្ជាប់ មិនត្រឹមត្រូវ៖ វាត្រូវបានកែប្រែ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="431"/>
        <source>the signature does not match this message and context</source>
        <translation type="unfinished">ហត្ថលេខាមិនត្រូវគ្នានឹងសារ និងបរិបទនេះទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="432"/>
        <source>the treatment outcome cannot be dated before the treatment started</source>
        <translation>លទ្ធផលព្យាបាលមិនអាចមានកាលបរិច្ឆេទមុនការចាប់ផ្តើមព្យាបាលបានទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="433"/>
        <source>the treatment start cannot be after its recorded outcome</source>
        <translation>ការចាប់ផ្តើមព្យាបាលមិនអាចនៅក្រោយលទ្ធផលដែលបានកត់ត្រាបានទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="434"/>
        <source>the two entries differ</source>
        <translation type="unfinished">ការបញ្ចូលទាំងពីរមិនដូចគ្នាទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="435"/>
        <source>this arrival is void</source>
        <translation>ការមកដល់នេះជាមោឃៈ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="436"/>
        <source>this consent is not given per agency</source>
        <translation>ការយល់ព្រមនេះមិនត្រូវបានផ្តល់តាមស្ថាប័នទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="437"/>
        <source>this store has no users</source>
        <translation type="unfinished">មូលដ្ឋានទិន្នន័យនេះ គ្មានអ្នកប្រើទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="438"/>
        <source>trafficking answers need consent to the trafficking interview</source>
        <translation>ចម្លើយអំពីការជួញដូរមនុស្សត្រូវការការយល់ព្រមលើការសម្ភាសន៍</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="439"/>
        <source>treatment cannot start before the person arrived</source>
        <translation>ការព្យាបាលមិនអាចចាប់ផ្តើមមុនពេលបុគ្គលនោះមកដល់បានទេ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="440"/>
        <source>treatment cannot start when the diagnosis is not TB</source>
        <translation type="unfinished">មិនអាចចាប់ផ្តើមព្យាបាលបានទេ នៅពេលរោគវិនិច្ឆ័យមិនមែនជាជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="441"/>
        <source>true</source>
        <translation>true</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="442"/>
        <source>two medium indicators need a third medium or one weak indicator in this dimension</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>សូចនាករមធ្យមពីរ ត្រូវការសូចនាករមធ្យមទីបី ឬសូចនាករខ្សោយមួយ នៅក្នុងវិមាត្រនេះ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="443"/>
        <source>unknown code</source>
        <translation type="unfinished">កូដមិនស្គាល់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="444"/>
        <source>unknown pre-screen question</source>
        <translation>សំណួរសញ្ញាព្រមានដែលមិនស្គាល់</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="445"/>
        <source>use 2-32 letters, digits, dots, dashes or underscores, starting with a letter</source>
        <translation type="unfinished">សូមប្រើពី 2 ដល់ 32 តួ ដែលជាអក្សរ លេខ សញ្ញាចុច (.) សញ្ញាដាច់ (-) ឬសញ្ញាគូសក្រោម (_) ហើយចាប់ផ្តើមដោយអក្សរ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="446"/>
        <source>visa MRZ is not supported: type the details manually</source>
        <translation type="unfinished">MRZ របស់ទិដ្ឋាការ មិនត្រូវបានគាំទ្រទេ៖ សូមវាយព័ត៌មានដោយដៃ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="447"/>
        <source>weak</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ខ្សោយ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="448"/>
        <source>weak indicators alone never make a dimension positive</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>សូចនាករខ្សោយតែឯង មិនដែលធ្វើឱ្យវិមាត្រមួយវិជ្ជមានឡើយ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="449"/>
        <source>wrong context, or the sealed blob was altered</source>
        <translation type="unfinished">បរិបទមិនត្រឹមត្រូវ ឬទិន្នន័យដែលបានបិទផ្សាភ្ជាប់ ត្រូវបានកែប្រែ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="450"/>
        <source>wrong context, or the sealed section was altered</source>
        <translation>បរិបទមិនត្រឹមត្រូវ ឬផ្នែកដែលបានបិទផ្សាភ្ជាប់ ត្រូវបានកែប្រែ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="451"/>
        <source>wrong key or context, or the encrypted blob was altered</source>
        <translation type="unfinished">សោ ឬបរិបទមិនត្រឹមត្រូវ ឬទិន្នន័យដែលបានអ៊ិនគ្រីប ត្រូវបានកែប្រែ</translation>
    </message>
    <message>
        <location filename="../core_messages.py" line="452"/>
        <source>wrong passphrase or context, or the wrapped key was altered</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់ ឬបរិបទមិនត្រឹមត្រូវ ឬសោដែលបានរុំការពារ ត្រូវបានកែប្រែ</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="49"/>
        <source>must start with https://: plain http:// is allowed only to this computer (127.0.0.1, ::1, localhost)</source>
        <translation>ត្រូវតែចាប់ផ្តើមដោយ https://៖ http:// ធម្មតា អនុញ្ញាតតែទៅកុំព្យូទ័រនេះប៉ុណ្ណោះ (127.0.0.1, ::1, localhost)</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="51"/>
        <source>must be an https:// address (e.g. https://hq.example.org)</source>
        <translation>ត្រូវតែជាអាសយដ្ឋាន https:// (ឧទាហរណ៍ https://hq.example.org)</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="52"/>
        <source>is not a valid address (e.g. https://hq.example.org)</source>
        <translation>មិនមែនជាអាសយដ្ឋានត្រឹមត្រូវទេ (ឧទាហរណ៍ https://hq.example.org)</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="53"/>
        <source>has no HQ key fingerprint: use the whole enrollment code HQ printed (token and fingerprint, 12 groups of 4), or give HQ&apos;s fingerprint too</source>
        <translation>មិនមានស្នាមម្រាមដៃសោរបស់ទីស្នាក់ការកណ្តាល (HQ) ទេ៖ សូមប្រើលេខកូដចុះឈ្មោះទាំងមូល ដែល HQ បានបោះពុម្ព (លេខកូដ និងស្នាមម្រាមដៃ ១២ ក្រុម ក្រុមនីមួយៗ ៤ តួ) ឬផ្តល់ស្នាមម្រាមដៃរបស់ HQ ផងដែរ</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="55"/>
        <source>HQ&apos;s keys do not match the fingerprint in the enrollment code: nothing was pinned. Check the code; if it is right, someone may stand between this device and HQ.</source>
        <translation>សោរបស់ទីស្នាក់ការកណ្តាល (HQ) មិនត្រូវនឹងស្នាមម្រាមដៃក្នុងលេខកូដចុះឈ្មោះទេ៖ មិនបានរក្សាទុកសោណាមួយទេ។ សូមពិនិត្យលេខកូដ។ ប្រសិនបើវាត្រឹមត្រូវ អាចមាននរណាម្នាក់ស្ថិតនៅចន្លោះឧបករណ៍នេះ និង HQ។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="57"/>
        <source>HQ&apos;s enrollment answer is not signed: nothing was pinned. This server is not a current Checkpoint HQ, or someone stands between this device and HQ.</source>
        <translation>ចម្លើយចុះឈ្មោះរបស់ទីស្នាក់ការកណ្តាល (HQ) មិនមានហត្ថលេខាទេ៖ មិនបានរក្សាទុកសោណាមួយទេ។ ម៉ាស៊ីនមេនេះមិនមែនជា Checkpoint HQ ជំនាន់បច្ចុប្បន្នទេ ឬមាននរណាម្នាក់ស្ថិតនៅចន្លោះឧបករណ៍នេះ និង HQ។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="59"/>
        <source>HQ&apos;s signed answer is for another enrollment request: nothing was pinned</source>
        <translation>ចម្លើយដែលមានហត្ថលេខារបស់ទីស្នាក់ការកណ្តាល (HQ) គឺសម្រាប់សំណើចុះឈ្មោះផ្សេង៖ មិនបានរក្សាទុកសោណាមួយទេ</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="60"/>
        <source>HQ&apos;s answer to the enrollment did not arrive, so this device is NOT enrolled yet. Enroll again with the same code when HQ can be reached: HQ recognises this device and answers again.</source>
        <translation>ចម្លើយរបស់ទីស្នាក់ការកណ្តាល (HQ) ចំពោះការចុះឈ្មោះ មិនបានមកដល់ទេ ដូច្នេះឧបករណ៍នេះ មិនទាន់បានចុះឈ្មោះនៅឡើយទេ។ សូមចុះឈ្មោះម្តងទៀតដោយប្រើលេខកូដដដែល នៅពេលអាចភ្ជាប់ទៅ HQ បាន៖ HQ ស្គាល់ឧបករណ៍នេះ ហើយនឹងឆ្លើយម្តងទៀត។</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../dialogs/corrections.py" line="111"/>
        <source>Correct identity</source>
        <translation type="unfinished">កែតម្រូវអត្តសញ្ញាណ</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="112"/>
        <source>Save correction</source>
        <translation type="unfinished">រក្សាទុកការកែតម្រូវ</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="116"/>
        <source>Field to correct</source>
        <translation type="unfinished">ចំណុចដែលត្រូវកែតម្រូវ</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="132"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished">YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="135"/>
        <source>New value: %1</source>
        <translation type="unfinished">តម្លៃថ្មី៖ %1</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="139"/>
        <source>Field</source>
        <translation type="unfinished">ចំណុច</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="140"/>
        <source>New value</source>
        <translation type="unfinished">តម្លៃថ្មី</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="157"/>
        <source>%1: the new value is the same as the recorded one.</source>
        <translation type="unfinished">%1៖ តម្លៃថ្មី ដូចគ្នានឹងតម្លៃដែលបានកត់ត្រារួច។</translation>
    </message>
</context>
<context>
    <name>DataTab</name>
    <message>
        <location filename="../views/supervisor/data.py" line="40"/>
        <source>Persons</source>
        <translation type="unfinished">បុគ្គល</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="41"/>
        <source>Arrivals</source>
        <translation type="unfinished">ការមកដល់</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="42"/>
        <source>Trafficking screens</source>
        <translation type="unfinished">ការពិនិត្យសូចនាករការជួញដូរមនុស្ស</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="43"/>
        <source>TB screens</source>
        <translation type="unfinished">ការពិនិត្យស្រាវជ្រាវជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="44"/>
        <source>Referrals</source>
        <translation type="unfinished">ការបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="45"/>
        <source>Events in the log</source>
        <translation type="unfinished">ព្រឹត្តិការណ៍ក្នុងកំណត់ហេតុ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="46"/>
        <source>Events not yet sent to HQ</source>
        <translation type="unfinished">ព្រឹត្តិការណ៍មិនទាន់ផ្ញើទៅទីស្នាក់ការកណ្តាល (HQ)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="47"/>
        <source>Users</source>
        <translation type="unfinished">អ្នកប្រើ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="48"/>
        <source>Unfinished registrations</source>
        <translation type="unfinished">ការចុះឈ្មោះមិនទាន់បញ្ចប់</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="72"/>
        <source>This store</source>
        <translation type="unfinished">មូលដ្ឋានទិន្នន័យនេះ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="81"/>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished">នាំចេញ CSV (&amp;E)…</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="81"/>
        <source>Export the records as a CSV file</source>
        <translation type="unfinished">នាំចេញកំណត់ត្រាជាឯកសារ CSV</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="82"/>
        <source>&amp;Back up…</source>
        <translation type="unfinished">បម្រុងទុក (&amp;B)…</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="82"/>
        <source>Write an encrypted backup</source>
        <translation type="unfinished">សរសេរច្បាប់ចម្លងបម្រុងទុកដែលបានអ៊ិនគ្រីប</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="83"/>
        <source>&amp;Verify</source>
        <translation type="unfinished">ផ្ទៀងផ្ទាត់ (&amp;V)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="83"/>
        <source>Verify the store</source>
        <translation type="unfinished">ផ្ទៀងផ្ទាត់មូលដ្ឋានទិន្នន័យ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="90"/>
        <source>Result</source>
        <translation type="unfinished">លទ្ធផល</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="92"/>
        <source>Warning</source>
        <translation type="unfinished">ការព្រមាន</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="94"/>
        <source>Error</source>
        <translation type="unfinished">កំហុស</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="97"/>
        <source>Problems found</source>
        <translation type="unfinished">បញ្ហាដែលបានរកឃើញ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="186"/>
        <source>That file already exists. Nothing was overwritten: choose a new name.</source>
        <translation type="unfinished">ឯកសារនោះមានរួចហើយ។ គ្មានអ្វីត្រូវបានសរសេរជាន់ទេ៖ សូមជ្រើសរើសឈ្មោះថ្មី។</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/data.py" line="202"/>
        <source>%n row(s) written to %1.</source>
        <translation type="unfinished">
            <numerusform>បានសរសេរ %n ជួរ ទៅក្នុង %1។</numerusform>
            <numerusform>បានសរសេរ %n ជួរ ទៅក្នុង %1។</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="203"/>
        <source>This file is NOT encrypted. Keep it only on an encrypted disk, never send it by e-mail or chat, and delete it when you are done.</source>
        <translation type="unfinished">ឯកសារនេះ មិនត្រូវបានអ៊ិនគ្រីបទេ។ សូមរក្សាទុកវាតែនៅលើថាសដែលបានអ៊ិនគ្រីបប៉ុណ្ណោះ កុំផ្ញើវាតាមអ៊ីមែល ឬកម្មវិធីជជែកជាដាច់ខាត ហើយលុបវាចោលនៅពេលប្រើរួច។</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="219"/>
        <source>Encrypted backup written to %1. Its key file %2 is beside it: keep the two together.</source>
        <translation type="unfinished">បានសរសេរច្បាប់ចម្លងបម្រុងទុកដែលបានអ៊ិនគ្រីប ទៅ %1។ ឯកសារសោរបស់វា %2 នៅជាប់ជាមួយ៖ សូមរក្សាឯកសារទាំងពីរនៅជាមួយគ្នា។</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="231"/>
        <source>Checking the store…</source>
        <translation type="unfinished">កំពុងពិនិត្យមូលដ្ឋានទិន្នន័យ…</translation>
    </message>
    <message>
        <location filename="../views/supervisor/data.py" line="237"/>
        <source>OK: the store passed every check (%1 events, %2 persons).</source>
        <translation type="unfinished">ត្រឹមត្រូវ៖ មូលដ្ឋានទិន្នន័យឆ្លងកាត់ការពិនិត្យទាំងអស់ (ព្រឹត្តិការណ៍ %1, បុគ្គល %2 នាក់)។</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/data.py" line="241"/>
        <source>%n problem(s) found. Do not delete anything; tell HQ.</source>
        <translation type="unfinished">
            <numerusform>រកឃើញបញ្ហា %n។ កុំលុបអ្វីទាំងអស់ សូមជូនដំណឹងទៅទីស្នាក់ការកណ្តាល (HQ)។</numerusform>
            <numerusform>រកឃើញបញ្ហា %n។ កុំលុបអ្វីទាំងអស់ សូមជូនដំណឹងទៅទីស្នាក់ការកណ្តាល (HQ)។</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../messages.py" line="112"/>
        <source>Too many wrong passphrases. Try again in %1 seconds.</source>
        <translation type="unfinished">បញ្ចូលឃ្លាសម្ងាត់ខុសច្រើនដងពេក។ សូមព្យាយាមម្ដងទៀតក្នុងរយៈពេល %1 វិនាទី។</translation>
    </message>
    <message>
        <location filename="../messages.py" line="115"/>
        <source>Wrong user name or passphrase.</source>
        <translation type="unfinished">ឈ្មោះអ្នកប្រើ ឬឃ្លាសម្ងាត់មិនត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <location filename="../messages.py" line="117"/>
        <source>This account is locked. Ask a supervisor to unlock it.</source>
        <translation type="unfinished">គណនីនេះត្រូវបានចាក់សោ។ សូមស្នើអ្នកត្រួតពិនិត្យឱ្យដោះសោ។</translation>
    </message>
    <message>
        <location filename="../messages.py" line="119"/>
        <source>Your role does not allow this.</source>
        <translation type="unfinished">តួនាទីរបស់អ្នកមិនអនុញ្ញាតឱ្យធ្វើការនេះទេ។</translation>
    </message>
    <message>
        <location filename="../messages.py" line="121"/>
        <source>That record no longer exists.</source>
        <translation type="unfinished">កំណត់ត្រានោះលែងមានទៀតហើយ។</translation>
    </message>
    <message>
        <location filename="../messages.py" line="125"/>
        <source>The open referral: %1, opened %2.</source>
        <translation>ការបញ្ជូនដែលនៅបើក៖ %1 បើកនៅថ្ងៃ %2។</translation>
    </message>
    <message>
        <location filename="../messages.py" line="131"/>
        <source>The store could not be used: %1</source>
        <translation type="unfinished">មិនអាចប្រើមូលដ្ឋានទិន្នន័យបានទេ៖ %1</translation>
    </message>
    <message>
        <location filename="../messages.py" line="135"/>
        <source>Something went wrong and nothing was saved. Please try again; if it happens again, tell your supervisor.</source>
        <translation type="unfinished">មានបញ្ហាកើតឡើង ហើយគ្មានអ្វីត្រូវបានរក្សាទុកទេ។ សូមព្យាយាមម្ដងទៀត។ ប្រសិនបើវាកើតឡើងម្ដងទៀត សូមប្រាប់អ្នកត្រួតពិនិត្យរបស់អ្នក។</translation>
    </message>
</context>
<context>
    <name>FetchBackDialog</name>
    <message>
        <location filename="../dialogs/fetch_back.py" line="15"/>
        <source>Fetch back from HQ</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>យកមកវិញពីទីស្នាក់ការកណ្តាល (HQ)</translation>
    </message>
    <message>
        <location filename="../dialogs/fetch_back.py" line="16"/>
        <source>Fetch back</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>យកមកវិញ</translation>
    </message>
    <message>
        <location filename="../dialogs/fetch_back.py" line="17"/>
        <source>The protection section and notes of this record come back from HQ and stay on this laptop for another retention period. Say why this case needs them: HQ and this device both keep the reason.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ផ្នែកការការពារ និងកំណត់សម្គាល់នៃកំណត់ត្រានេះ នឹងត្រូវយកមកវិញពីទីស្នាក់ការកណ្តាល ហើយរក្សាទុកនៅលើកុំព្យូទ័រយួរដៃនេះសម្រាប់រយៈពេលរក្សាទុកមួយទៀត។ សូមប្រាប់មូលហេតុដែលករណីនេះត្រូវការវា៖ ទីស្នាក់ការកណ្តាល និងឧបករណ៍នេះ រក្សាទុកមូលហេតុនេះទាំងពីរ។</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../messages.py" line="24"/>
        <source>Family name</source>
        <translation type="unfinished">នាមត្រកូល</translation>
    </message>
    <message>
        <location filename="../messages.py" line="25"/>
        <source>Given names</source>
        <translation type="unfinished">នាមខ្លួន</translation>
    </message>
    <message>
        <location filename="../messages.py" line="26"/>
        <source>Name in Khmer</source>
        <translation type="unfinished">ឈ្មោះជាអក្សរខ្មែរ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="27"/>
        <source>Sex</source>
        <translation type="unfinished">ភេទ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="28"/>
        <source>Date of birth</source>
        <translation type="unfinished">ថ្ងៃខែឆ្នាំកំណើត</translation>
    </message>
    <message>
        <location filename="../messages.py" line="29"/>
        <source>Estimated age</source>
        <translation type="unfinished">អាយុប៉ាន់ស្មាន</translation>
    </message>
    <message>
        <location filename="../messages.py" line="30"/>
        <source>Citizenship</source>
        <translation type="unfinished">សញ្ជាតិ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="31"/>
        <source>Document type</source>
        <translation type="unfinished">ប្រភេទឯកសារ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="32"/>
        <source>Document number</source>
        <translation type="unfinished">លេខឯកសារ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="33"/>
        <source>Issuing state</source>
        <translation type="unfinished">ប្រទេសចេញឯកសារ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="34"/>
        <source>Document expiry</source>
        <translation type="unfinished">ថ្ងៃផុតកំណត់ឯកសារ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="35"/>
        <source>Phone</source>
        <translation type="unfinished">លេខទូរស័ព្ទ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="36"/>
        <source>Home province</source>
        <translation type="unfinished">ខេត្តទីលំនៅ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="37"/>
        <source>Home district</source>
        <translation type="unfinished">ស្រុក/ខណ្ឌទីលំនៅ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="38"/>
        <source>Home commune</source>
        <translation type="unfinished">ឃុំ/សង្កាត់ទីលំនៅ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="39"/>
        <source>Home village</source>
        <translation type="unfinished">ភូមិទីលំនៅ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="40"/>
        <source>Return type</source>
        <translation type="unfinished">ប្រភេទនៃការត្រឡប់មកវិញ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="41"/>
        <source>Country of work</source>
        <translation type="unfinished">ប្រទេសដែលធ្វើការ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="42"/>
        <source>Province or city of work</source>
        <translation type="unfinished">ខេត្ត ឬទីក្រុងដែលធ្វើការ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="43"/>
        <source>Sector of work</source>
        <translation type="unfinished">វិស័យការងារ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="44"/>
        <source>Work abroad</source>
        <translation>ការងារនៅបរទេស</translation>
    </message>
    <message>
        <location filename="../messages.py" line="45"/>
        <source>Type of exploitation</source>
        <translation>ប្រភេទនៃការកេងប្រវ័ញ្ច</translation>
    </message>
    <message>
        <location filename="../messages.py" line="46"/>
        <source>Guardian&apos;s name</source>
        <translation type="unfinished">ឈ្មោះអាណាព្យាបាល</translation>
    </message>
    <message>
        <location filename="../messages.py" line="47"/>
        <source>Guardian&apos;s relationship</source>
        <translation>ទំនាក់ទំនងរបស់អាណាព្យាបាល</translation>
    </message>
    <message>
        <location filename="../messages.py" line="48"/>
        <source>Answers</source>
        <translation>ចម្លើយ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="49"/>
        <source>Consent given by</source>
        <translation>ការយល់ព្រមផ្តល់ដោយ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="50"/>
        <source>Consent wording</source>
        <translation>អត្ថបទការយល់ព្រម</translation>
    </message>
    <message>
        <location filename="../messages.py" line="51"/>
        <source>Red-flag questions</source>
        <translation>សំណួរសញ្ញាព្រមាន</translation>
    </message>
    <message>
        <location filename="../messages.py" line="52"/>
        <source>Months abroad</source>
        <translation type="unfinished">ចំនួនខែនៅបរទេស</translation>
    </message>
    <message>
        <location filename="../messages.py" line="53"/>
        <source>How they migrated</source>
        <translation type="unfinished">របៀបធ្វើចំណាកស្រុក</translation>
    </message>
    <message>
        <location filename="../messages.py" line="54"/>
        <source>Who recruited them</source>
        <translation type="unfinished">អ្នកដែលជ្រើសរើសគាត់ទៅធ្វើការ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="55"/>
        <source>Owes a debt</source>
        <translation type="unfinished">ជាប់បំណុល</translation>
    </message>
    <message>
        <location filename="../messages.py" line="56"/>
        <source>Debt amount</source>
        <translation type="unfinished">ចំនួនបំណុល</translation>
    </message>
    <message>
        <location filename="../messages.py" line="57"/>
        <source>Detained before return</source>
        <translation type="unfinished">ត្រូវបានឃុំខ្លួនមុនពេលត្រឡប់មកវិញ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="58"/>
        <source>Days detained</source>
        <translation type="unfinished">ចំនួនថ្ងៃដែលត្រូវបានឃុំខ្លួន</translation>
    </message>
    <message>
        <location filename="../messages.py" line="59"/>
        <source>Wants a job referral</source>
        <translation type="unfinished">ចង់បានការបញ្ជូនទៅរកការងារ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="60"/>
        <source>Consent</source>
        <translation type="unfinished">ការយល់ព្រម</translation>
    </message>
    <message>
        <location filename="../messages.py" line="61"/>
        <source>Reason</source>
        <translation type="unfinished">មូលហេតុ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="62"/>
        <source>User name</source>
        <translation type="unfinished">ឈ្មោះអ្នកប្រើ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="63"/>
        <source>Passphrase</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់</translation>
    </message>
    <message>
        <location filename="../messages.py" line="64"/>
        <source>Checkpoint name</source>
        <translation type="unfinished">ឈ្មោះច្រកត្រួតពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="65"/>
        <source>Agency or facility</source>
        <translation type="unfinished">ស្ថាប័ន ឬមូលដ្ឋានសុខាភិបាល</translation>
    </message>
    <message>
        <location filename="../messages.py" line="66"/>
        <source>Indicators</source>
        <translation type="unfinished">សូចនាករ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="67"/>
        <source>Status</source>
        <translation type="unfinished">ស្ថានភាព</translation>
    </message>
    <message>
        <location filename="../messages.py" line="71"/>
        <source>Transport</source>
        <translation type="unfinished">មធ្យោបាយធ្វើដំណើរ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="72"/>
        <source>Plate or number</source>
        <translation type="unfinished">ស្លាកលេខ ឬលេខ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="73"/>
        <source>Handover reference</source>
        <translation type="unfinished">លេខយោងការប្រគល់</translation>
    </message>
    <message>
        <location filename="../messages.py" line="74"/>
        <source>Handover date</source>
        <translation type="unfinished">កាលបរិច្ឆេទប្រគល់</translation>
    </message>
    <message>
        <location filename="../messages.py" line="75"/>
        <source>Referring authority</source>
        <translation>អាជ្ញាធរបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../messages.py" line="76"/>
        <source>Expected head count</source>
        <translation type="unfinished">ចំនួនមនុស្សដែលរំពឹងទុក</translation>
    </message>
    <message>
        <location filename="../messages.py" line="77"/>
        <source>Interpreter&apos;s language</source>
        <translation>ភាសារបស់អ្នកបកប្រែ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="78"/>
        <source>Role in the household</source>
        <translation>តួនាទីក្នុងគ្រួសារ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="82"/>
        <source>Consent to the TB screen</source>
        <translation>ការយល់ព្រមឱ្យពិនិត្យជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../messages.py" line="83"/>
        <source>Chest X-ray</source>
        <translation>កាំរស្មីអ៊ិចទ្រូង</translation>
    </message>
    <message>
        <location filename="../messages.py" line="84"/>
        <source>Chest X-ray date</source>
        <translation>កាលបរិច្ឆេទថតកាំរស្មីអ៊ិចទ្រូង</translation>
    </message>
    <message>
        <location filename="../messages.py" line="85"/>
        <source>CAD score</source>
        <translation>ពិន្ទុ CAD</translation>
    </message>
    <message>
        <location filename="../messages.py" line="86"/>
        <source>X-ray read by</source>
        <translation>កាំរស្មីអ៊ិចអានដោយ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="87"/>
        <source>Sputum collected on</source>
        <translation>ថ្ងៃប្រមូលកំហាក</translation>
    </message>
    <message>
        <location filename="../messages.py" line="88"/>
        <source>Specimen id</source>
        <translation>លេខសំណាក</translation>
    </message>
    <message>
        <location filename="../messages.py" line="89"/>
        <source>Xpert result</source>
        <translation>លទ្ធផល Xpert</translation>
    </message>
    <message>
        <location filename="../messages.py" line="90"/>
        <source>Xpert date</source>
        <translation>កាលបរិច្ឆេទ Xpert</translation>
    </message>
    <message>
        <location filename="../messages.py" line="91"/>
        <source>Diagnosis</source>
        <translation>រោគវិនិច្ឆ័យ</translation>
    </message>
    <message>
        <location filename="../messages.py" line="92"/>
        <source>TB register number</source>
        <translation>លេខចុះបញ្ជីជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../messages.py" line="93"/>
        <source>Treatment started on</source>
        <translation>ថ្ងៃចាប់ផ្តើមព្យាបាល</translation>
    </message>
    <message>
        <location filename="../messages.py" line="94"/>
        <source>Treatment outcome</source>
        <translation>លទ្ធផលព្យាបាល</translation>
    </message>
    <message>
        <location filename="../messages.py" line="95"/>
        <source>Outcome date</source>
        <translation>កាលបរិច្ឆេទនៃលទ្ធផល</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="45"/>
        <source>Server</source>
        <translation>ម៉ាស៊ីនមេ</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="46"/>
        <source>Token</source>
        <translation>លេខកូដ</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="47"/>
        <source>Fingerprint</source>
        <translation>ស្នាមម្រាមដៃសោ</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="48"/>
        <source>Answer</source>
        <translation>ចម្លើយ</translation>
    </message>
</context>
<context>
    <name>FollowUpForm</name>
    <message>
        <location filename="../views/follow_up.py" line="53"/>
        <source>Follow-up</source>
        <translation type="unfinished">ការតាមដាន</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="58"/>
        <location filename="../views/follow_up.py" line="166"/>
        <source>Choose a referral in the list.</source>
        <translation type="unfinished">សូមជ្រើសរើសការបញ្ជូនមួយក្នុងបញ្ជី។</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="68"/>
        <source>Next stage</source>
        <translation type="unfinished">ដំណាក់កាលបន្ទាប់</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="90"/>
        <source>Notes</source>
        <translation type="unfinished">កំណត់សម្គាល់</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="93"/>
        <source>&amp;Next stage</source>
        <translation type="unfinished">ដំណាក់កាលបន្ទាប់ (&amp;N)</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="94"/>
        <source>Chest &amp;X-ray result</source>
        <translation type="unfinished">លទ្ធផលថតកាំរស្មីអ៊ិចទ្រូង (&amp;X)</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="95"/>
        <source>X&amp;pert result</source>
        <translation type="unfinished">លទ្ធផល Xpert (&amp;P)</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="96"/>
        <source>&amp;Diagnosis</source>
        <translation type="unfinished">រោគវិនិច្ឆ័យ (&amp;D)</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="97"/>
        <source>&amp;Treatment started on</source>
        <translation type="unfinished">ថ្ងៃចាប់ផ្តើមព្យាបាល (&amp;T)</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="98"/>
        <source>Treatment &amp;facility</source>
        <translation type="unfinished">មូលដ្ឋានសុខាភិបាលដែលព្យាបាល (&amp;F)</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="99"/>
        <source>N&amp;otes</source>
        <translation type="unfinished">កំណត់សម្គាល់ (&amp;O)</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="101"/>
        <source>Error</source>
        <translation type="unfinished">កំហុស</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="105"/>
        <source>&amp;Save follow-up</source>
        <translation type="unfinished">រក្សាទុកការតាមដាន (&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="107"/>
        <source>Save follow-up</source>
        <translation type="unfinished">រក្សាទុកការតាមដាន</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="108"/>
        <source>Save (Enter)</source>
        <translation type="unfinished">រក្សាទុក (Enter)</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="138"/>
        <source>Not recorded yet</source>
        <translation type="unfinished">មិនទាន់បានកត់ត្រា</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="175"/>
        <source>%1, referred on %2 to %3. Stage: %4.</source>
        <translation type="unfinished">%1 បានបញ្ជូននៅថ្ងៃ %2 ទៅ %3។ ដំណាក់កាល៖ %4។</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="184"/>
        <source>%1 (current stage: add a result)</source>
        <translation type="unfinished">%1 (ដំណាក់កាលបច្ចុប្បន្ន៖ បន្ថែមលទ្ធផល)</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="202"/>
        <source>This referral is closed; nothing more can be recorded on it.</source>
        <translation type="unfinished">ការបញ្ជូននេះត្រូវបានបិទ មិនអាចកត់ត្រាអ្វីបន្ថែមទៀតបានទេ។</translation>
    </message>
    <message>
        <location filename="../views/follow_up.py" line="204"/>
        <source>Your role can see referrals but not record follow-up.</source>
        <translation type="unfinished">តួនាទីរបស់អ្នកអាចមើលការបញ្ជូនបាន ប៉ុន្តែមិនអាចកត់ត្រាការតាមដានបានទេ។</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../views/health_post.py" line="594"/>
        <location filename="../views/health_post.py" line="608"/>
        <source>Overdue after (days)</source>
        <translation>ហួសកាលកំណត់ក្រោយ (ថ្ងៃ)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="597"/>
        <source>&amp;Overdue only</source>
        <translation>តែការហួសកាលកំណត់ (&amp;O)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="599"/>
        <source>Show &amp;list</source>
        <translation>បង្ហាញបញ្ជី (&amp;L)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="603"/>
        <source>Open TB referrals</source>
        <translation>ការបញ្ជូនជំងឺរបេងដែលនៅបើក</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="633"/>
        <source>home province not recorded</source>
        <translation type="unfinished">មិនបានកត់ត្រាខេត្តកំណើត</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="634"/>
        <source>OVERDUE</source>
        <translation>ហួសកាលកំណត់</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="635"/>
        <source>%1 day(s) since the last step</source>
        <translation>%1 ថ្ងៃ ចាប់តាំងពីជំហានចុងក្រោយ</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="638"/>
        <source>opened %1</source>
        <translation>បើកនៅថ្ងៃ %1</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="652"/>
        <source>%1 open TB referral(s); %2 waiting more than %3 day(s).</source>
        <translation>ការបញ្ជូនជំងឺរបេងដែលនៅបើកចំនួន %1; %2 កំពុងរង់ចាំលើសពី %3 ថ្ងៃ។</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../dialogs/form.py" line="73"/>
        <source>Error</source>
        <translation type="unfinished">កំហុស</translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="79"/>
        <source>Cancel</source>
        <translation type="unfinished">បោះបង់</translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="107"/>
        <source>&amp;Passphrase</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់ (&amp;P)</translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="108"/>
        <source>Passphrase</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់</translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="109"/>
        <source>Passphrase a&amp;gain</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់ម្តងទៀត (&amp;G)</translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="110"/>
        <source>Passphrase again</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់ម្តងទៀត</translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="112"/>
        <source>Passphrase strength</source>
        <translation type="unfinished">កម្រិតរឹងមាំនៃឃ្លាសម្ងាត់</translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="118"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ។</translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="119"/>
        <source>Use several words: at least 12 characters.</source>
        <translation>ប្រើពាក្យច្រើនម៉ាត់៖ យ៉ាងតិច ១២ តួអក្សរ។</translation>
    </message>
    <message>
        <location filename="../dialogs/form.py" line="130"/>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ។ សូមវាយឃ្លាសម្ងាត់ដដែលពីរដង។</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="31"/>
        <source>New group</source>
        <translation>ក្រុមថ្មី</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="36"/>
        <location filename="../views/arrivals/group_dialog.py" line="41"/>
        <source>Transport</source>
        <translation type="unfinished">មធ្យោបាយធ្វើដំណើរ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="37"/>
        <source>Bus</source>
        <translation>ឡានក្រុង</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="37"/>
        <source>Truck</source>
        <translation>ឡានដឹក</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="37"/>
        <source>Van</source>
        <translation>ឡានវ៉ាន់</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="38"/>
        <source>On foot</source>
        <translation>ថ្មើរជើង</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="38"/>
        <source>Other</source>
        <translation type="unfinished">ផ្សេងទៀត</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="43"/>
        <source>Plate or number</source>
        <translation type="unfinished">ស្លាកលេខ ឬលេខ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="44"/>
        <source>Handover reference</source>
        <translation type="unfinished">លេខយោងការប្រគល់</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="45"/>
        <source>Handover date</source>
        <translation type="unfinished">កាលបរិច្ឆេទប្រគល់</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="45"/>
        <source>31/12/2026 or 2569-12-31</source>
        <translation>31/12/2026 ឬ 2569-12-31</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="46"/>
        <source>Thai detention or referring authority</source>
        <translation type="unfinished">អាជ្ញាធរឃុំខ្លួន ឬអាជ្ញាធរបញ្ជូនរបស់ថៃ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="47"/>
        <source>Expected head count</source>
        <translation type="unfinished">ចំនួនមនុស្សដែលរំពឹងទុក</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="56"/>
        <source>Return type</source>
        <translation type="unfinished">ប្រភេទនៃការត្រឡប់មកវិញ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="58"/>
        <source>Why the group was not created</source>
        <translation>ហេតុអ្វីមិនបានបង្កើតក្រុម</translation>
    </message>
    <message>
        <location filename="../views/arrivals/group_dialog.py" line="60"/>
        <source>&amp;Create the group</source>
        <translation>បង្កើតក្រុម (&amp;C)</translation>
    </message>
</context>
<context>
    <name>HealthPost</name>
    <message>
        <location filename="../views/health_post.py" line="55"/>
        <source>Cured</source>
        <translation>ជាសះស្បើយ</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="56"/>
        <source>Treatment completed</source>
        <translation>បានបញ្ចប់ការព្យាបាល</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="57"/>
        <source>Treatment failed</source>
        <translation>ការព្យាបាលបរាជ័យ</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="58"/>
        <source>Died</source>
        <translation>បានស្លាប់</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="59"/>
        <source>Lost to follow-up</source>
        <translation>បាត់បង់ការតាមដាន</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="60"/>
        <source>Not evaluated</source>
        <translation>មិនបានវាយតម្លៃ</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="63"/>
        <source>Screened</source>
        <translation>បានពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="64"/>
        <source>Presumptive TB</source>
        <translation>សង្ស័យជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="65"/>
        <source>Chest X-ray done</source>
        <translation>បានថតកាំរស្មីអ៊ិចទ្រូង</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="66"/>
        <source>X-ray abnormal, suggestive of TB</source>
        <translation>កាំរស្មីអ៊ិចមិនប្រក្រតី បង្ហាញពីជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="67"/>
        <source>Sputum collected</source>
        <translation>បានប្រមូលកំហាក</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="68"/>
        <source>Xpert done</source>
        <translation>បានធ្វើតេស្ត Xpert</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="69"/>
        <source>TB diagnosed</source>
        <translation>បានរកឃើញជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="70"/>
        <source>  bacteriologically confirmed</source>
        <translation>  បញ្ជាក់ដោយមន្ទីរពិសោធន៍</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="71"/>
        <source>  clinically diagnosed</source>
        <translation>  រោគវិនិច្ឆ័យតាមគ្លីនិក</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="72"/>
        <source>Rifampicin resistant</source>
        <translation>ស៊ាំនឹងថ្នាំ Rifampicin</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="73"/>
        <source>Treatment started</source>
        <translation>បានចាប់ផ្តើមព្យាបាល</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="74"/>
        <source>Diagnosed, treatment not started</source>
        <translation>បានរកឃើញ តែមិនទាន់ចាប់ផ្តើមព្យាបាល</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="75"/>
        <source>Number needed to screen</source>
        <translation>ចំនួនដែលត្រូវពិនិត្យ ដើម្បីរកឃើញម្នាក់</translation>
    </message>
</context>
<context>
    <name>HealthPostPage</name>
    <message>
        <location filename="../views/health_post.py" line="728"/>
        <source>&amp;Health post</source>
        <translation>ប៉ុស្តិ៍សុខភាព (&amp;H)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="732"/>
        <source>TB &amp;cascade</source>
        <translation>ដំណាក់កាលថែទាំជំងឺរបេង (&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="736"/>
        <source>&amp;Follow-up</source>
        <translation>តាមដាន (&amp;F)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="738"/>
        <source>TB &amp;policy</source>
        <translation>គោលការណ៍ជំងឺរបេង (&amp;P)</translation>
    </message>
</context>
<context>
    <name>HealthPostView</name>
    <message>
        <location filename="../views/health_post.py" line="122"/>
        <source>Find a person</source>
        <translation>ស្វែងរកបុគ្គល</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="122"/>
        <source>Name, document, phone or birth date</source>
        <translation>ឈ្មោះ ឯកសារ ទូរស័ព្ទ ឬថ្ងៃខែឆ្នាំកំណើត</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="125"/>
        <source>Persons found</source>
        <translation>បុគ្គលដែលរកឃើញ</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="126"/>
        <source>Find a person, then press Enter on their name.</source>
        <translation>ស្វែងរកបុគ្គល រួចចុច Enter លើឈ្មោះរបស់គាត់។</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="131"/>
        <source>Arrival</source>
        <translation>ការមកដល់</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="134"/>
        <source>Call &amp;next from the health post queue</source>
        <translation>ហៅអ្នកបន្ទាប់ពីជួរប៉ុស្តិ៍សុខភាព (&amp;N)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="136"/>
        <source>&amp;Done: close the queue entry</source>
        <translation>រួចរាល់៖ បិទលំដាប់ក្នុងជួរ (&amp;D)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="143"/>
        <source>TB screen</source>
        <translation>ការពិនិត្យស្រាវជ្រាវជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="145"/>
        <source>The person &amp;agrees to the TB screen</source>
        <translation>បុគ្គលនេះយល់ព្រមឱ្យពិនិត្យជំងឺរបេង (&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="161"/>
        <location filename="../views/health_post.py" line="163"/>
        <source>Days of cough</source>
        <translation>ចំនួនថ្ងៃក្អក</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="164"/>
        <location filename="../views/health_post.py" line="167"/>
        <source>HIV status</source>
        <translation>ស្ថានភាពមេរោគអេដស៍</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="165"/>
        <source>Positive</source>
        <translation>វិជ្ជមាន</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="165"/>
        <source>Negative</source>
        <translation>អវិជ្ជមាន</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="166"/>
        <source>Unknown</source>
        <translation>មិនដឹង</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="168"/>
        <source>Chest X-ray reading</source>
        <translation>លទ្ធផលអានកាំរស្មីអ៊ិចទ្រូង</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="169"/>
        <source>No X-ray now</source>
        <translation>មិនថតកាំរស្មីអ៊ិចឥឡូវនេះ</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="170"/>
        <source>CAD score (0-100)</source>
        <translation>ពិន្ទុ CAD (០-១០០)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="170"/>
        <source>if the machine gives one</source>
        <translation>ប្រសិនបើម៉ាស៊ីនផ្តល់ឱ្យ</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="171"/>
        <location filename="../views/health_post.py" line="174"/>
        <source>Read by</source>
        <translation>អានដោយ</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="172"/>
        <source>Chest &amp;X-ray</source>
        <translation>កាំរស្មីអ៊ិចទ្រូង (&amp;X)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="173"/>
        <source>CAD score</source>
        <translation>ពិន្ទុ CAD</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="175"/>
        <source>&amp;Record TB screen</source>
        <translation>កត់ត្រាការពិនិត្យជំងឺរបេង (&amp;R)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="184"/>
        <source>TB pathway</source>
        <translation>ដំណើរការថែទាំជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="188"/>
        <location filename="../views/health_post.py" line="189"/>
        <source>Referral</source>
        <translation>ការបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="193"/>
        <location filename="../views/health_post.py" line="194"/>
        <source>Sputum collected on</source>
        <translation>ថ្ងៃប្រមូលកំហាក</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="195"/>
        <source>Specimen id</source>
        <translation>លេខសំណាក</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="196"/>
        <location filename="../views/health_post.py" line="197"/>
        <source>Xpert result</source>
        <translation>លទ្ធផល Xpert</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="198"/>
        <location filename="../views/health_post.py" line="201"/>
        <location filename="../views/health_post.py" line="209"/>
        <location filename="../views/health_post.py" line="212"/>
        <source>Not recorded</source>
        <translation>មិនបានកត់ត្រា</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="199"/>
        <source>Diagnosis</source>
        <translation>រោគវិនិច្ឆ័យ</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="202"/>
        <location filename="../views/health_post.py" line="203"/>
        <source>TB register number</source>
        <translation>លេខចុះបញ្ជីជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="204"/>
        <location filename="../views/health_post.py" line="205"/>
        <source>Treatment started on</source>
        <translation>ថ្ងៃចាប់ផ្តើមព្យាបាល</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="206"/>
        <location filename="../views/health_post.py" line="207"/>
        <source>Treatment facility</source>
        <translation>មូលដ្ឋានសុខាភិបាលដែលព្យាបាល</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="210"/>
        <location filename="../views/health_post.py" line="211"/>
        <source>Treatment outcome</source>
        <translation>លទ្ធផលព្យាបាល</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="213"/>
        <source>Outcome on</source>
        <translation>ថ្ងៃនៃលទ្ធផល</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="217"/>
        <source>&amp;Save step</source>
        <translation>រក្សាទុកដំណាក់កាល (&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="219"/>
        <source>&amp;Transfer for treatment (nearest home)</source>
        <translation>បញ្ជូនទៅព្យាបាល (ជិតផ្ទះបំផុត) (&amp;T)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="221"/>
        <source>&amp;Print transfer slip</source>
        <translation>បោះពុម្ពប័ណ្ណបញ្ជូន (&amp;P)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="297"/>
        <source>No one found.</source>
        <translation>រកមិនឃើញនរណាម្នាក់ទេ។</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="327"/>
        <source>home province not recorded</source>
        <translation>មិនបានកត់ត្រាខេត្តកំណើត</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="333"/>
        <source>Arrived %1</source>
        <translation>មកដល់ %1</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="352"/>
        <source>No TB referral yet.</source>
        <translation>មិនទាន់មានការបញ្ជូនជំងឺរបេងនៅឡើយទេ។</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="362"/>
        <source>TB screen saved. This person already has an open TB referral (%1, opened %2): the screen continued it; no second referral was opened.</source>
        <translation>បានរក្សាទុកការពិនិត្យជំងឺរបេង។ អ្នកនេះមានការបញ្ជូនជំងឺរបេងដែលនៅបើកហើយ (%1 បើកនៅថ្ងៃ %2)៖ ការពិនិត្យនេះបានបន្តការបញ្ជូននោះ គ្មានការបញ្ជូនទីពីរត្រូវបានបើកទេ។</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="371"/>
        <source>X-ray: %1</source>
        <translation>កាំរស្មីអ៊ិច៖ %1</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="373"/>
        <source>sputum %1</source>
        <translation>កំហាក %1</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="375"/>
        <source>Xpert: %1</source>
        <translation>Xpert៖ %1</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="379"/>
        <source>register %1</source>
        <translation>ចុះបញ្ជី %1</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="381"/>
        <source>treatment from %1</source>
        <translation>ព្យាបាលចាប់ពី %1</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="391"/>
        <source>No one is waiting at the health post.</source>
        <translation>គ្មាននរណាម្នាក់កំពុងរង់ចាំនៅប៉ុស្តិ៍សុខភាពទេ។</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="394"/>
        <source>Called from the queue: %1</source>
        <translation>បានហៅពីជួរ៖ %1</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="409"/>
        <source>Done at the health post. Call the next person when ready.</source>
        <translation>រួចរាល់នៅប៉ុស្តិ៍សុខភាព។ ហៅអ្នកបន្ទាប់ នៅពេលអ្នករួចរាល់។</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="441"/>
        <source>TB screen saved.</source>
        <translation>បានរក្សាទុកការពិនិត្យជំងឺរបេង។</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="478"/>
        <source>Saved.</source>
        <translation>បានរក្សាទុក។</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="498"/>
        <source>Transfer slip: %1 — %2</source>
        <translation>ប័ណ្ណបញ្ជូន៖ %1 — %2</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="501"/>
        <source>Transfer recorded.</source>
        <translation>បានកត់ត្រាការបញ្ជូន។</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../windows/main_window.py" line="150"/>
        <source>Unfinished registrations</source>
        <translation type="unfinished">ការចុះឈ្មោះមិនទាន់បញ្ចប់</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="145"/>
        <source>New registration (Ctrl+N)</source>
        <translation type="unfinished">ចុះឈ្មោះថ្មី (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="164"/>
        <source>Unfinished registrations (Enter to resume):</source>
        <translation type="unfinished">ការចុះឈ្មោះមិនទាន់បញ្ចប់ (ចុច Enter ដើម្បីបន្ត)៖</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="92"/>
        <source>Arrived today</source>
        <translation>បានមកដល់ថ្ងៃនេះ</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="94"/>
        <source>Now</source>
        <translation>ឥឡូវនេះ</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="98"/>
        <source>of them, registered by you, with trafficking indicators present</source>
        <translation>ក្នុងចំណោមនោះ ដែលអ្នកបានចុះឈ្មោះ មានសូចនាករការជួញដូរមនុស្ស</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="99"/>
        <source>of them, with trafficking indicators present</source>
        <translation>ក្នុងចំណោមនោះ មានសូចនាករការជួញដូរមនុស្ស</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="100"/>
        <source>arrived today</source>
        <translation>បានមកដល់ថ្ងៃនេះ</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="101"/>
        <source>of them, referred for TB</source>
        <translation>ក្នុងចំណោមនោះ ត្រូវបានបញ្ជូនទៅពិនិត្យជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="103"/>
        <source>of them, checklist not asked (not screened)</source>
        <translation>ក្នុងចំណោមនោះ មិនបានសួរបញ្ជីសំណួរ (មិនបានពិនិត្យ)</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="104"/>
        <source>of them, safety rule: protection referral today</source>
        <translation>ក្នុងចំណោមនោះ វិធានសុវត្ថិភាព៖ បញ្ជូនទៅទទួលការការពារនៅថ្ងៃនេះ</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="106"/>
        <source>of them, presumptive TB</source>
        <translation>ក្នុងនោះ សង្ស័យជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="107"/>
        <source>TB treatment started today (people of any day)</source>
        <translation>ចាប់ផ្តើមព្យាបាលជំងឺរបេងថ្ងៃនេះ (អ្នកមកដល់ថ្ងៃណាក៏ដោយ)</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="108"/>
        <source>your unfinished registrations</source>
        <translation>ការចុះឈ្មោះរបស់អ្នក ដែលមិនទាន់បញ្ចប់</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="109"/>
        <source>waiting to sync with HQ</source>
        <translation>រង់ចាំធ្វើសមកាលកម្មជាមួយទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="131"/>
        <source>The state at this moment; updated as it changes.</source>
        <translation>ស្ថានភាពនៅពេលនេះ៖ ធ្វើបច្ចុប្បន្នភាពរាល់ពេលដែលវាផ្លាស់ប្តូរ។</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="200"/>
        <source>%1, local time, since 00:00. Counted by arrival time: screenings count with the arrival they belong to.</source>
        <translation>%1 តាមម៉ោងក្នុងស្រុក ចាប់ពីម៉ោង 00:00។ រាប់តាមម៉ោងមកដល់៖ ការពិនិត្យស្រាវជ្រាវនីមួយៗ រាប់បញ្ចូលជាមួយការមកដល់ដែលវាពាក់ព័ន្ធ។</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="209"/>
        <source>(no name yet)</source>
        <translation type="unfinished">(មិនទាន់មានឈ្មោះ)</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="221"/>
        <source>Saved.</source>
        <translation type="unfinished">បានរក្សាទុក។</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="229"/>
        <source>%1: %2</source>
        <translation>%1៖ %2</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="240"/>
        <source>Print referral slip %1</source>
        <translation type="unfinished">បោះពុម្ពលិខិតបញ្ជូនទី %1</translation>
    </message>
</context>
<context>
    <name>HqAddressDialog</name>
    <message>
        <location filename="../views/sync_panel.py" line="416"/>
        <source>HQ moved</source>
        <translation>ទីស្នាក់ការកណ្ដាលបានផ្លាស់ទីតាំង</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="416"/>
        <source>Use this address</source>
        <translation>ប្រើអាសយដ្ឋាននេះ</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="417"/>
        <source>HQ&apos;s new &amp;address</source>
        <translation>&amp;អាសយដ្ឋានថ្មីរបស់ទីស្នាក់ការកណ្ដាល</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="417"/>
        <source>HQ&apos;s new address</source>
        <translation>អាសយដ្ឋានថ្មីរបស់ទីស្នាក់ការកណ្ដាល</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="419"/>
        <source>&amp;Why it changes</source>
        <translation>&amp;មូលហេតុនៃការផ្លាស់ប្ដូរ</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="420"/>
        <source>Why the address changes</source>
        <translation>មូលហេតុដែលអាសយដ្ឋានផ្លាស់ប្ដូរ</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="421"/>
        <source>HQ&apos;s keys stay the same: only the real HQ can answer at the new address.</source>
        <translation>កូនសោរបស់ទីស្នាក់ការកណ្ដាលនៅដដែល៖ មានតែទីស្នាក់ការកណ្ដាលពិតប្រាកដទេ ដែលអាចឆ្លើយតបនៅអាសយដ្ឋានថ្មីបាន។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="426"/>
        <source>Enter HQ&apos;s new address and why it changes.</source>
        <translation>សូមបញ្ចូលអាសយដ្ឋានថ្មីរបស់ទីស្នាក់ការកណ្ដាល និងមូលហេតុនៃការផ្លាស់ប្ដូរ។</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../wizards/registration/identity.py" line="48"/>
        <source>Identity</source>
        <translation type="unfinished">អត្តសញ្ញាណ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="49"/>
        <source>Scan the passport (the reader types into the first box) or type the details.</source>
        <translation type="unfinished">ស្កេនលិខិតឆ្លងដែន (ម៉ាស៊ីនអាននឹងវាយចូលក្នុងប្រអប់ទីមួយ) ឬវាយព័ត៌មានដោយដៃ។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="53"/>
        <source>Passport machine-readable zone</source>
        <translation type="unfinished">តំបន់អានដោយម៉ាស៊ីន (MRZ) នៃលិខិតឆ្លងដែន</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="54"/>
        <source>Scan passport here</source>
        <translation type="unfinished">ស្កេនលិខិតឆ្លងដែននៅទីនេះ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="66"/>
        <source>Female</source>
        <translation type="unfinished">ស្រី</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="66"/>
        <source>Male</source>
        <translation type="unfinished">ប្រុស</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="66"/>
        <source>Other</source>
        <translation type="unfinished">ផ្សេងទៀត</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="67"/>
        <source>Not known</source>
        <translation type="unfinished">មិនដឹង</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="68"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished">YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="84"/>
        <source>Possible duplicates</source>
        <translation type="unfinished">កំណត់ត្រាដែលអាចស្ទួន</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="85"/>
        <source>This person may already be registered:</source>
        <translation type="unfinished">បុគ្គលនេះប្រហែលជាបានចុះឈ្មោះរួចហើយ៖</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="86"/>
        <source>Add this arrival to the selected person</source>
        <translation type="unfinished">បន្ថែមការមកដល់នេះ ទៅបុគ្គលដែលបានជ្រើសរើស</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="90"/>
        <source>No, register a new person</source>
        <translation type="unfinished">ទេ ចុះឈ្មោះជាបុគ្គលថ្មី</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="159"/>
        <source>The nationality code %1 is not in the country list: choose the citizenship.</source>
        <translation type="unfinished">លេខកូដសញ្ជាតិ %1 មិនមាននៅក្នុងបញ្ជីប្រទេសទេ៖ សូមជ្រើសរើសសញ្ជាតិ។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="210"/>
        <source>Choose the citizenship: the document&apos;s nationality code is not in the country list.</source>
        <translation type="unfinished">សូមជ្រើសរើសសញ្ជាតិ៖ លេខកូដសញ្ជាតិរបស់ឯកសារមិនមាននៅក្នុងបញ្ជីប្រទេសទេ។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="220"/>
        <source>Check the marked fields against the passport, then press Enter on each (a check digit did not match).</source>
        <translation type="unfinished">ពិនិត្យប្រអប់ដែលបានសម្គាល់ជាមួយលិខិតឆ្លងដែន រួចចុច Enter លើប្រអប់នីមួយៗ (ខ្ទង់ផ្ទៀងផ្ទាត់មួយមិនត្រូវគ្នា)។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="257"/>
        <source>same document</source>
        <translation type="unfinished">ឯកសារដូចគ្នា</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="258"/>
        <source>same name and birth date</source>
        <translation type="unfinished">ឈ្មោះ និងថ្ងៃខែឆ្នាំកំណើតដូចគ្នា</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="259"/>
        <source>same Khmer name and birth date</source>
        <translation type="unfinished">ឈ្មោះខ្មែរ និងថ្ងៃខែឆ្នាំកំណើតដូចគ្នា</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="260"/>
        <source>similar name</source>
        <translation type="unfinished">ឈ្មោះស្រដៀងគ្នា</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="260"/>
        <source>same phone</source>
        <translation type="unfinished">លេខទូរស័ព្ទដូចគ្នា</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="287"/>
        <source>New arrival for a person already registered.</source>
        <translation type="unfinished">ការមកដល់ថ្មី សម្រាប់បុគ្គលដែលបានចុះឈ្មោះរួចហើយ។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/identity.py" line="288"/>
        <source>A new phone or destination typed here corrects the person&apos;s record.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>លេខទូរស័ព្ទ ឬគោលដៅថ្មី ដែលវាយបញ្ចូលនៅទីនេះ នឹងកែតម្រូវកំណត់ត្រារបស់បុគ្គលនេះ។</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="45"/>
        <source>Import a handover list</source>
        <translation>នាំចូលបញ្ជីប្រគល់</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="51"/>
        <source>No file chosen</source>
        <translation>មិនទាន់ជ្រើសរើសឯកសារ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="53"/>
        <source>&amp;Choose the list…</source>
        <translation>ជ្រើសរើសបញ្ជី… (&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="58"/>
        <source>List</source>
        <translation>បញ្ជី</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="63"/>
        <source>Transport</source>
        <translation>មធ្យោបាយធ្វើដំណើរ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="65"/>
        <source>Plate or number</source>
        <translation>ស្លាកលេខ ឬលេខ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="65"/>
        <source>Handover reference</source>
        <translation>លេខយោងការប្រគល់</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="66"/>
        <source>Handover date</source>
        <translation>កាលបរិច្ឆេទប្រគល់</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="67"/>
        <source>Thai detention or referring authority</source>
        <translation>អាជ្ញាធរឃុំខ្លួន ឬអាជ្ញាធរបញ្ជូនរបស់ថៃ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="68"/>
        <source>Expected head count</source>
        <translation>ចំនួនមនុស្សដែលរំពឹងទុក</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="75"/>
        <source>Which column holds what:</source>
        <translation>ជួរឈរណាមានអ្វី៖</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="85"/>
        <source>Chec&amp;k the list</source>
        <translation>ពិនិត្យបញ្ជី (&amp;K)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="95"/>
        <source>Rows that cannot be imported</source>
        <translation>ជួរដែលមិនអាចនាំចូលបាន</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="97"/>
        <source>Import only the &amp;good rows (the others stay listed here)</source>
        <translation>នាំចូលតែជួរដែលត្រឹមត្រូវ (ជួរផ្សេងទៀតនៅតែបង្ហាញនៅទីនេះ) (&amp;G)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="100"/>
        <source>&amp;Import</source>
        <translation>នាំចូល (&amp;I)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="111"/>
        <source>Choose the handover list</source>
        <translation>ជ្រើសរើសបញ្ជីប្រគល់</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="112"/>
        <source>Lists (*.csv *.xlsx *.txt)</source>
        <translation>បញ្ជី (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="147"/>
        <source>The file could not be read.</source>
        <translation>មិនអាចអានឯកសារបានទេ។</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="167"/>
        <source>Row %1 · %2: %3</source>
        <translation>ជួរ %1 · %2៖ %3</translation>
    </message>
    <message>
        <location filename="../views/arrivals/import_dialog.py" line="170"/>
        <source>%1 good rows, %2 with problems.</source>
        <translation>ជួរត្រឹមត្រូវ %1 ជួរមានបញ្ហា %2។</translation>
    </message>
</context>
<context>
    <name>JourneyPage</name>
    <message>
        <location filename="../wizards/registration/journey.py" line="24"/>
        <source>Journey</source>
        <translation type="unfinished">ដំណើរចំណាកស្រុក</translation>
    </message>
    <message>
        <location filename="../wizards/registration/journey.py" line="40"/>
        <source>Interpreter used</source>
        <translation type="unfinished">បានប្រើអ្នកបកប្រែផ្ទាល់មាត់</translation>
    </message>
    <message>
        <location filename="../wizards/registration/journey.py" line="42"/>
        <source>A person who seems to control them is present (interview them separately)</source>
        <translation type="unfinished">មានអ្នកដែលហាក់ដូចជាគ្រប់គ្រងសាមីខ្លួន នៅទីនេះ (សូមសម្ភាសសាមីខ្លួនដាច់ដោយឡែក)</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../windows/login.py" line="102"/>
        <source>Checkpoint — sign in</source>
        <translation type="unfinished">Checkpoint — ចូលប្រើ</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="104"/>
        <location filename="../windows/login.py" line="122"/>
        <source>Language</source>
        <translation type="unfinished">ភាសា</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="111"/>
        <location filename="../windows/login.py" line="123"/>
        <source>User name</source>
        <translation type="unfinished">ឈ្មោះអ្នកប្រើ</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="113"/>
        <location filename="../windows/login.py" line="124"/>
        <source>Passphrase</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="115"/>
        <source>Sign in</source>
        <translation type="unfinished">ចូលប្រើ</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="119"/>
        <source>Checkpoint</source>
        <translation type="unfinished">Checkpoint</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="147"/>
        <source>Enter your user name and passphrase.</source>
        <translation type="unfinished">សូមបញ្ចូលឈ្មោះអ្នកប្រើ និងឃ្លាសម្ងាត់របស់អ្នក។</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="170"/>
        <source>The passphrase was typed with a non-English keyboard layout. If it is in English letters, switch the keyboard to English (Win+Space), then type the passphrase again.</source>
        <translation>ពាក្យសម្ងាត់ត្រូវបានវាយដោយប្លង់ក្តារចុចមិនមែនភាសាអង់គ្លេស។ ប្រសិនបើវាជាអក្សរអង់គ្លេស សូមប្តូរក្តារចុចទៅភាសាអង់គ្លេស (Win+Space) រួចវាយពាក្យសម្ងាត់ម្តងទៀត។</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../windows/main_window.py" line="260"/>
        <source>Checkpoint — %1</source>
        <translation type="unfinished">Checkpoint — %1</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="267"/>
        <source>Navigation</source>
        <translation type="unfinished">ការរុករក</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="280"/>
        <source>Home</source>
        <translation type="unfinished">ទំព័រដើម</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="282"/>
        <source>New registration</source>
        <translation type="unfinished">ចុះឈ្មោះថ្មី</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="284"/>
        <source>Records</source>
        <translation type="unfinished">កំណត់ត្រា</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="286"/>
        <source>TB referrals</source>
        <translation type="unfinished">ការបញ្ជូនជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="288"/>
        <source>Supervisor</source>
        <translation type="unfinished">អ្នកត្រួតពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="290"/>
        <source>Health post</source>
        <translation>ប៉ុស្តិ៍សុខភាព</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="292"/>
        <source>Arrivals</source>
        <translation type="unfinished">ការមកដល់</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="294"/>
        <source>Assistance desk</source>
        <translation type="unfinished">តុជំនួយ</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="296"/>
        <source>NEA desk</source>
        <translation type="unfinished">តុ NEA</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="298"/>
        <source>Check a slip…</source>
        <translation>ពិនិត្យប័ណ្ណបញ្ជូន…</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="299"/>
        <source>Lock</source>
        <translation type="unfinished">ចាក់សោ</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="347"/>
        <source>&amp;Sync with HQ</source>
        <translation type="unfinished">ធ្វើសមកាលកម្មជាមួយ ទីស្នាក់ការកណ្តាល (HQ) (&amp;S)</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="350"/>
        <source>Assistance fi&amp;gures</source>
        <translation>តួលេខជំនួយ (&amp;G)</translation>
    </message>
    <message>
        <location filename="../windows/main_window.py" line="395"/>
        <source>HQ: %1 waiting</source>
        <translation>ទីស្នាក់ការកណ្តាល៖ រង់ចាំ %1</translation>
    </message>
</context>
<context>
    <name>NeaDeskView</name>
    <message>
        <location filename="../views/nea.py" line="51"/>
        <source>No one is being served. Press F5 to call the next person.</source>
        <translation>មិនទាន់មានអ្នកកំពុងទទួលសេវាទេ។ ចុច F5 ដើម្បីហៅអ្នកបន្ទាប់។</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="54"/>
        <source>Call next (F5)</source>
        <translation type="unfinished">ហៅអ្នកបន្ទាប់ (F5)</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="80"/>
        <source>Work abroad</source>
        <translation type="unfinished">ការងារនៅបរទេស</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="81"/>
        <source>Years of experience</source>
        <translation>ចំនួនឆ្នាំនៃបទពិសោធន៍</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="82"/>
        <source>Main skill</source>
        <translation>ជំនាញចម្បង</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="83"/>
        <source>Other skills</source>
        <translation>ជំនាញផ្សេងទៀត</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="84"/>
        <source>Education</source>
        <translation>កម្រិតវប្បធម៌</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="85"/>
        <source>Job looked for</source>
        <translation>ការងារដែលកំពុងស្វែងរក</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="86"/>
        <source>Where in Cambodia</source>
        <translation>កន្លែងណាក្នុងប្រទេសកម្ពុជា</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="89"/>
        <location filename="../views/nea.py" line="93"/>
        <source>Would work abroad again</source>
        <translation>នឹងទៅធ្វើការនៅបរទេសម្តងទៀត</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="91"/>
        <source>yes</source>
        <translation type="unfinished">បាទ/ចាស</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="91"/>
        <source>no</source>
        <translation type="unfinished">ទេ</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="91"/>
        <source>maybe</source>
        <translation>ប្រហែល</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="95"/>
        <source>Available from</source>
        <translation>អាចចាប់ផ្តើមពីថ្ងៃ</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="95"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished">YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="96"/>
        <source>Phone</source>
        <translation type="unfinished">លេខទូរស័ព្ទ</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="97"/>
        <source>Second contact</source>
        <translation>អ្នកទំនាក់ទំនងទីពីរ</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="98"/>
        <source>Second contact&apos;s phone</source>
        <translation>លេខទូរស័ព្ទអ្នកទំនាក់ទំនងទីពីរ</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="99"/>
        <source>Commune of residence</source>
        <translation>ឃុំ/សង្កាត់ដែលរស់នៅ</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="106"/>
        <source>The person agrees to be registered with NEA (read the text above)</source>
        <translation>បុគ្គលនេះយល់ព្រមចុះឈ្មោះជាមួយ NEA (សូមអានអត្ថបទខាងលើ)</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="109"/>
        <source>Register with NEA (Ctrl+S)</source>
        <translation>ចុះឈ្មោះជាមួយ NEA (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="127"/>
        <source>No one is waiting at the NEA desk.</source>
        <translation>គ្មាននរណារង់ចាំនៅតុ NEA ទេ។</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="179"/>
        <source>Call a person first (F5).</source>
        <translation>សូមហៅមនុស្សម្នាក់ជាមុនសិន (F5)។</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="182"/>
        <source>Without the person&apos;s consent nothing is registered with NEA.</source>
        <translation>បើគ្មានការយល់ព្រមពីបុគ្គលនេះ គ្មានអ្វីត្រូវបានចុះឈ្មោះជាមួយ NEA ទេ។</translation>
    </message>
    <message>
        <location filename="../views/nea.py" line="195"/>
        <source>Registered with NEA.</source>
        <translation>បានចុះឈ្មោះជាមួយ NEA។</translation>
    </message>
</context>
<context>
    <name>NeaExportBox</name>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="59"/>
        <source>NEA job registrations</source>
        <translation>ការចុះឈ្មោះស្វែងរកការងារជាមួយ NEA</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="71"/>
        <source>First day (YYYY-MM-DD)</source>
        <translation>ថ្ងៃដំបូង (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="74"/>
        <source>Last day (YYYY-MM-DD)</source>
        <translation>ថ្ងៃចុងក្រោយ (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="80"/>
        <source>Layout of the file</source>
        <translation>ទម្រង់នៃឯកសារ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="81"/>
        <source>Choose a mapping f&amp;ile…</source>
        <translation>ជ្រើសរើសឯកសារផ្គូផ្គង (&amp;I)…</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="82"/>
        <source>Choose a mapping file for NEA&apos;s own template</source>
        <translation>ជ្រើសរើសឯកសារផ្គូផ្គងសម្រាប់គំរូផ្ទាល់របស់ NEA</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="83"/>
        <source>Documented la&amp;yout</source>
        <translation>ទម្រង់ដែលបានពិពណ៌នា (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="84"/>
        <source>Use the documented NEA layout, no mapping</source>
        <translation>ប្រើទម្រង់ NEA ដែលបានពិពណ៌នា ដោយគ្មានឯកសារផ្គូផ្គង</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="85"/>
        <source>Export for &amp;NEA…</source>
        <translation>នាំចេញសម្រាប់ NEA (&amp;N)…</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="86"/>
        <source>Export the NEA registrations as a CSV or XLSX file</source>
        <translation>នាំចេញការចុះឈ្មោះ NEA ជាឯកសារ CSV ឬ XLSX</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="92"/>
        <source>Result</source>
        <translation>លទ្ធផល</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="94"/>
        <source>Warning</source>
        <translation>ការព្រមាន</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="95"/>
        <source>Error</source>
        <translation>កំហុស</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="98"/>
        <source>Registered from, to</source>
        <translation>បានចុះឈ្មោះពី ដល់</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="99"/>
        <source>Layout</source>
        <translation>ទម្រង់</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="113"/>
        <source>Mapping file for NEA&apos;s template</source>
        <translation>ឯកសារផ្គូផ្គងសម្រាប់គំរូរបស់ NEA</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="114"/>
        <source>Mapping files (*.json)</source>
        <translation>ឯកសារផ្គូផ្គង (*.json)</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/nea_export.py" line="119"/>
        <source>The documented NEA layout (%n column(s)).</source>
        <translation>
            <numerusform>ទម្រង់ NEA ដែលបានពិពណ៌នា (%n ជួរឈរ)។</numerusform>
            <numerusform>ទម្រង់ NEA ដែលបានពិពណ៌នា (%n ជួរឈរ)។</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/nea_export.py" line="122"/>
        <source>Mapping %1: %n column(s).</source>
        <translation>
            <numerusform>ឯកសារផ្គូផ្គង %1៖ %n ជួរឈរ។</numerusform>
            <numerusform>ឯកសារផ្គូផ្គង %1៖ %n ជួរឈរ។</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="161"/>
        <source>That file already exists. Nothing was overwritten: choose a new name.</source>
        <translation>ឯកសារនោះមានរួចហើយ។ គ្មានអ្វីត្រូវបានសរសេរជាន់ទេ៖ សូមជ្រើសរើសឈ្មោះថ្មី។</translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="173"/>
        <source>Write the dates as YYYY-MM-DD.</source>
        <translation>សូមសរសេរកាលបរិច្ឆេទជា YYYY-MM-DD ។</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/nea_export.py" line="186"/>
        <source>%n NEA registration(s) written to %1.</source>
        <translation>
            <numerusform>បានសរសេរការចុះឈ្មោះ NEA ចំនួន %n ទៅក្នុង %1។</numerusform>
            <numerusform>បានសរសេរការចុះឈ្មោះ NEA ចំនួន %n ទៅក្នុង %1។</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/supervisor/nea_export.py" line="188"/>
        <source>This file is NOT encrypted. Keep it only on an encrypted disk, hand it to NEA only, and delete it when you are done.</source>
        <translation>ឯកសារនេះមិនត្រូវបានអ៊ិនគ្រីបទេ។ រក្សាទុកវាតែនៅលើថាសដែលបានអ៊ិនគ្រីបប៉ុណ្ណោះ ប្រគល់វាឱ្យតែ NEA ប៉ុណ្ណោះ ហើយលុបវាចោលនៅពេលអ្នករួចរាល់។</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../windows/login.py" line="51"/>
        <source>with the recovery code</source>
        <translation>ដោយប្រើលេខកូដស្តារ</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="53"/>
        <source>by %1</source>
        <translation>ដោយ %1</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="57"/>
        <source>Your role was changed to %1 %2 on %3.</source>
        <translation>តួនាទីរបស់អ្នកត្រូវបានប្តូរទៅជា %1 %2 នៅថ្ងៃ %3។</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="60"/>
        <source>Your passphrase is too easy to guess by today&apos;s rules: please change it, or ask a supervisor to set a new one.</source>
        <translation>ឃ្លាសម្ងាត់របស់អ្នកងាយទាយពេកតាមច្បាប់បច្ចុប្បន្ន៖ សូមប្តូរវា ឬស្នើអ្នកត្រួតពិនិត្យឱ្យកំណត់ឃ្លាសម្ងាត់ថ្មី។</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="63"/>
        <source>Your account was reinstated %1 on %2.</source>
        <translation>គណនីរបស់អ្នកត្រូវបានបើកឡើងវិញ %1 នៅថ្ងៃ %2។</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="65"/>
        <source>Your passphrase was reset %1 on %2.</source>
        <translation>ឃ្លាសម្ងាត់របស់អ្នកត្រូវបានកំណត់ឡើងវិញ %1 នៅថ្ងៃ %2។</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="77"/>
        <source>Changes to your account</source>
        <translation>ការផ្លាស់ប្តូរលើគណនីរបស់អ្នក</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="79"/>
        <source>If you did not expect this, tell your supervisor.</source>
        <translation>ប្រសិនបើអ្នកមិនបានរំពឹងទុកការផ្លាស់ប្តូរនេះទេ សូមប្រាប់អ្នកត្រួតពិនិត្យរបស់អ្នក។</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="14"/>
        <source>Indicators of trafficking present — refer</source>
        <translation type="unfinished">មានសូចនាករនៃការជួញដូរមនុស្ស — បញ្ជូនបន្ត</translation>
    </message>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="15"/>
        <source>Combination of indicators not met</source>
        <translation type="unfinished">បន្សំសូចនាករ មិនគ្រប់តាមលក្ខខណ្ឌ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="16"/>
        <source>Presumptive TB — refer the same day for chest X-ray and Xpert</source>
        <translation type="unfinished">សង្ស័យជំងឺរបេង — បញ្ជូនក្នុងថ្ងៃតែមួយ ដើម្បីថតកាំរស្មីអ៊ិចទ្រូង និងធ្វើតេស្ត Xpert</translation>
    </message>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="18"/>
        <source>No symptoms but at high risk — refer for chest X-ray</source>
        <translation type="unfinished">គ្មានរោគសញ្ញា ប៉ុន្តែមានហានិភ័យខ្ពស់ — បញ្ជូនទៅថតកាំរស្មីអ៊ិចទ្រូង</translation>
    </message>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="19"/>
        <source>TB screen negative</source>
        <translation type="unfinished">ការពិនិត្យស្រាវជ្រាវជំងឺរបេង៖ អវិជ្ជមាន</translation>
    </message>
    <message>
        <location filename="../wizards/registration/outcomes.py" line="20"/>
        <source>Checklist not asked — not screened (this is not a finding)</source>
        <translation>មិនបានសួរបញ្ជីសំណួរ — មិនបានពិនិត្យ (នេះមិនមែនជាលទ្ធផលរកឃើញទេ)</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <location filename="../windows/login.py" line="43"/>
        <source>Acceptable. A few more words make it much stronger.</source>
        <translation type="unfinished">អាចទទួលយកបាន។ ការបន្ថែមពាក្យពីរបីទៀត នឹងធ្វើឱ្យវារឹងមាំជាងនេះច្រើន។</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="44"/>
        <source>Strong.</source>
        <translation type="unfinished">រឹងមាំ។</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../dialogs/users.py" line="51"/>
        <source>New passphrase for %1</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់ថ្មីសម្រាប់ %1</translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="52"/>
        <source>&amp;Set passphrase</source>
        <translation type="unfinished">កំណត់ឃ្លាសម្ងាត់ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="59"/>
        <source>&amp;Current passphrase</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់បច្ចុប្បន្ន (&amp;C)</translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="60"/>
        <source>Current passphrase</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់បច្ចុប្បន្ន</translation>
    </message>
</context>
<context>
    <name>PassportScan</name>
    <message>
        <location filename="../passport_scan.py" line="26"/>
        <source>Passport read: all check digits correct.</source>
        <translation type="unfinished">បានអានលិខិតឆ្លងដែន៖ ខ្ទង់ផ្ទៀងផ្ទាត់ទាំងអស់ត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <location filename="../passport_scan.py" line="28"/>
        <source>Some check digits do not match (%1): re-scan, or check the fields by hand. This is not evidence of forgery.</source>
        <translation type="unfinished">ខ្ទង់ផ្ទៀងផ្ទាត់ខ្លះមិនត្រូវគ្នា (%1)៖ សូមស្កេនម្តងទៀត ឬពិនិត្យចំណុចព័ត៌មានដោយដៃ។ នេះមិនមែនជាភស្តុតាងនៃការក្លែងបន្លំទេ។</translation>
    </message>
    <message>
        <location filename="../passport_scan.py" line="32"/>
        <source>The passport has expired.</source>
        <translation type="unfinished">លិខិតឆ្លងដែនផុតសុពលភាពហើយ។</translation>
    </message>
    <message>
        <location filename="../passport_scan.py" line="33"/>
        <source>Names are not check-digit protected: confirm them.</source>
        <translation type="unfinished">ឈ្មោះមិនត្រូវបានការពារដោយខ្ទង់ផ្ទៀងផ្ទាត់ទេ៖ សូមផ្ទៀងផ្ទាត់ឈ្មោះម្តងទៀត។</translation>
    </message>
    <message>
        <location filename="../passport_scan.py" line="39"/>
        <source>The scan arrived in another keyboard layout, not English. Switch the keyboard to English (Win+Space), then scan again.</source>
        <translation>ការស្កេនបានមកក្នុងប្លង់ក្តារចុចផ្សេង មិនមែនភាសាអង់គ្លេសទេ។ សូមប្តូរក្តារចុចទៅភាសាអង់គ្លេស (Win+Space) រួចស្កេនម្តងទៀត។</translation>
    </message>
    <message>
        <location filename="../passport_scan.py" line="45"/>
        <source>Could not read the document. Re-scan it, or type the details.</source>
        <translation type="unfinished">មិនអាចអានឯកសារបានទេ។ សូមស្កេនម្តងទៀត ឬវាយព័ត៌មានដោយដៃ។</translation>
    </message>
</context>
<context>
    <name>PersonDetail</name>
    <message>
        <location filename="../views/person_record.py" line="44"/>
        <source>Registered</source>
        <translation type="unfinished">បានចុះឈ្មោះ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="45"/>
        <source>Viewed</source>
        <translation type="unfinished">បានមើល</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="46"/>
        <source>Identity corrected</source>
        <translation type="unfinished">បានកែតម្រូវអត្តសញ្ញាណ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="47"/>
        <source>Arrival corrected</source>
        <translation type="unfinished">បានកែតម្រូវការមកដល់</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="48"/>
        <source>Arrival approved</source>
        <translation type="unfinished">បានអនុម័តការមកដល់</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="49"/>
        <source>Voided</source>
        <translation type="unfinished">បានចាត់ទុកជាមោឃៈ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="50"/>
        <source>Referral added</source>
        <translation type="unfinished">បានបន្ថែមការបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="51"/>
        <source>Referral updated</source>
        <translation type="unfinished">បានធ្វើបច្ចុប្បន្នភាពការបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="54"/>
        <source>Indicators of trafficking present — refer</source>
        <translation type="unfinished">មានសូចនាករនៃការជួញដូរមនុស្ស — បញ្ជូនបន្ត</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="55"/>
        <source>Indicators not met</source>
        <translation type="unfinished">សូចនាករមិនគ្រប់តាមលក្ខខណ្ឌ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="56"/>
        <source>Checklist not asked — not screened</source>
        <translation>មិនបានសួរបញ្ជីសំណួរ — មិនបានពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="59"/>
        <source>Under 18 with exploitation indicators: child protection</source>
        <translation type="unfinished">អាយុក្រោម ១៨ឆ្នាំ និងមានសូចនាករនៃការកេងប្រវ័ញ្ច៖ ការពារកុមារ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="60"/>
        <source>Exploitation indicators only (the full rule is not met)</source>
        <translation type="unfinished">មានតែសូចនាករនៃការកេងប្រវ័ញ្ចប៉ុណ្ណោះ (មិនគ្រប់លក្ខខណ្ឌនៃវិធានពេញលេញ)</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="61"/>
        <source>An indicator grade used here is not yet verified</source>
        <translation type="unfinished">កម្រិតនៃសូចនាករមួយដែលបានប្រើនៅទីនេះ មិនទាន់ត្រូវបានផ្ទៀងផ្ទាត់នៅឡើយទេ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="64"/>
        <source>Presumptive TB — refer the same day</source>
        <translation type="unfinished">សង្ស័យជំងឺរបេង — បញ្ជូនក្នុងថ្ងៃតែមួយ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="65"/>
        <source>A TB risk factor — refer for a chest X-ray</source>
        <translation type="unfinished">មានកត្តាហានិភ័យជំងឺរបេង — បញ្ជូនទៅថតកាំរស្មីអ៊ិចទ្រូង</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="66"/>
        <source>Screen negative</source>
        <translation type="unfinished">ការពិនិត្យស្រាវជ្រាវ៖ អវិជ្ជមាន</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="69"/>
        <source>Protection referral</source>
        <translation type="unfinished">ការបញ្ជូនទៅទទួលការការពារ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="70"/>
        <source>Child-protection referral</source>
        <translation type="unfinished">ការបញ្ជូនទៅការពារកុមារ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="71"/>
        <source>Health referral</source>
        <translation type="unfinished">ការបញ្ជូនផ្នែកសុខភាព</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="74"/>
        <source>referred</source>
        <translation type="unfinished">បានបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="75"/>
        <source>arrived at the facility</source>
        <translation type="unfinished">បានមកដល់មូលដ្ឋានសុខាភិបាល</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="76"/>
        <source>chest X-ray done</source>
        <translation type="unfinished">បានថតកាំរស្មីអ៊ិចទ្រូង</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="77"/>
        <source>Xpert test done</source>
        <translation type="unfinished">បានធ្វើតេស្ត Xpert</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="78"/>
        <source>diagnosed</source>
        <translation type="unfinished">បានធ្វើរោគវិនិច្ឆ័យ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="79"/>
        <source>treatment started</source>
        <translation type="unfinished">បានចាប់ផ្តើមព្យាបាល</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="80"/>
        <source>lost to follow-up</source>
        <translation type="unfinished">បាត់បង់ការតាមដាន</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="81"/>
        <source>closed</source>
        <translation type="unfinished">បានបិទ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="85"/>
        <source>Referral received</source>
        <translation>បានទទួលការបញ្ជូនបន្ត</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="86"/>
        <source>Person arrived</source>
        <translation>សាមីខ្លួនបានមកដល់</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="87"/>
        <source>Assessed</source>
        <translation>បានវាយតម្លៃ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="88"/>
        <source>Assistance given</source>
        <translation>បានផ្តល់ជំនួយ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="89"/>
        <source>In shelter</source>
        <translation>នៅក្នុងទីជម្រក</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="90"/>
        <source>Family tracing</source>
        <translation>ការស្វែងរកក្រុមគ្រួសារ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="91"/>
        <source>Reintegration plan</source>
        <translation>ផែនការសមាហរណកម្ម</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="92"/>
        <source>Closed</source>
        <translation type="unfinished">បានបិទ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="93"/>
        <source>Did not arrive</source>
        <translation>មិនបានមកដល់</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="96"/>
        <source>Reintegrated with family or community</source>
        <translation>បានធ្វើសមាហរណកម្មជាមួយគ្រួសារ ឬសហគមន៍</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="97"/>
        <source>Assistance completed</source>
        <translation>ជំនួយបានបញ្ចប់</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="98"/>
        <source>Transferred to another organisation</source>
        <translation>បានផ្ទេរទៅអង្គការផ្សេង</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="99"/>
        <source>The person declined assistance</source>
        <translation>សាមីខ្លួនបានបដិសេធជំនួយ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="100"/>
        <source>Contact lost</source>
        <translation>បាត់ទំនាក់ទំនង</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="101"/>
        <source>Other</source>
        <translation type="unfinished">ផ្សេងទៀត</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="104"/>
        <source>storage</source>
        <translation type="unfinished">ការរក្សាទុក</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="105"/>
        <source>screening</source>
        <translation type="unfinished">ការពិនិត្យស្រាវជ្រាវ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="106"/>
        <source>referral</source>
        <translation type="unfinished">ការបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="107"/>
        <source>sharing</source>
        <translation type="unfinished">ការចែករំលែក</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="110"/>
        <source>the whole record</source>
        <translation type="unfinished">កំណត់ត្រាទាំងមូល</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="111"/>
        <source>an arrival</source>
        <translation type="unfinished">ការមកដល់មួយ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="112"/>
        <source>a trafficking-indicator screen</source>
        <translation type="unfinished">ការពិនិត្យសូចនាករការជួញដូរមនុស្សមួយ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="113"/>
        <source>a TB screen</source>
        <translation type="unfinished">ការពិនិត្យស្រាវជ្រាវជំងឺរបេងមួយ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="114"/>
        <source>a referral</source>
        <translation type="unfinished">ការបញ្ជូនមួយ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="175"/>
        <source>Checkpoint</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ច្រកត្រួតពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="192"/>
        <source>Protection section</source>
        <translation>ផ្នែកការការពារ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="276"/>
        <source>Made without consent: immediate danger</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ធ្វើឡើងដោយគ្មានការយល់ព្រម៖ គ្រោះថ្នាក់ភ្លាមៗ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="283"/>
        <source>%1 (recorded by the partner on %2)</source>
        <translation>%1 (កត់ត្រាដោយដៃគូនៅថ្ងៃទី %2)</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="297"/>
        <source>%1 (device %2 / user %3)</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>%1 (ឧបករណ៍ %2 / អ្នកប្រើ %3)</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="341"/>
        <source>Trafficking interview</source>
        <translation>ការសម្ភាសន៍អំពីការជួញដូរមនុស្ស</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="342"/>
        <source>Referral</source>
        <translation type="unfinished">ការបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="343"/>
        <source>Sharing</source>
        <translation>ការចែករំលែក</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="344"/>
        <source>NEA job registration</source>
        <translation>ការចុះឈ្មោះរកការងារជាមួយទីភ្នាក់ងារជាតិមុខរបរ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="345"/>
        <source>Screening</source>
        <translation>ការពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="357"/>
        <source>given by the guardian %1 (%2)</source>
        <translation>ផ្តល់ដោយអាណាព្យាបាល %1 (%2)</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="360"/>
        <source>withdrawn %1</source>
        <translation>បានដកវិញ %1</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="57"/>
        <location filename="../views/person_detail.py" line="160"/>
        <source>Select a person and press Enter to open the record.</source>
        <translation type="unfinished">សូមជ្រើសរើសបុគ្គលម្នាក់ ហើយចុច Enter ដើម្បីបើកកំណត់ត្រា។</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="58"/>
        <source>Correct…</source>
        <translation type="unfinished">កែតម្រូវ…</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="60"/>
        <source>Correct identity</source>
        <translation type="unfinished">កែតម្រូវអត្តសញ្ញាណ</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="62"/>
        <source>Void…</source>
        <translation type="unfinished">ចាត់ទុកជាមោឃៈ…</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="64"/>
        <source>Void a record</source>
        <translation type="unfinished">ចាត់ទុកកំណត់ត្រាជាមោឃៈ</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="69"/>
        <source>Refer…</source>
        <translation>បញ្ជូន…</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="71"/>
        <source>Refer the person to an agency</source>
        <translation>បញ្ជូនសាមីខ្លួនទៅស្ថាប័នមួយ</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="74"/>
        <source>Withdraw consent…</source>
        <translation>ដកការយល់ព្រមវិញ…</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="76"/>
        <source>Withdraw a consent</source>
        <translation>ដកការយល់ព្រមមួយវិញ</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="80"/>
        <source>Fetch back from HQ…</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>យកមកវិញពីទីស្នាក់ការកណ្តាល (HQ)…</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="82"/>
        <source>Fetch the removed protection section back from HQ</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>យកផ្នែកការការពារដែលបានលុបចេញ មកវិញពីទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="143"/>
        <source>Loading…</source>
        <translation type="unfinished">កំពុងផ្ទុក…</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="204"/>
        <source>This record was voided: %1</source>
        <translation type="unfinished">កំណត់ត្រានេះត្រូវបានចាត់ទុកជាមោឃៈ៖ %1</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="226"/>
        <source>Minimised on %1: the protection section and notes were removed from this laptop; a supervisor can fetch them back from HQ.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>បានកាត់បន្ថយនៅថ្ងៃ %1៖ ផ្នែកការការពារ និងកំណត់សម្គាល់ ត្រូវបានលុបចេញពីកុំព្យូទ័រយួរដៃនេះ។ អ្នកត្រួតពិនិត្យអាចយកវាមកវិញពីទីស្នាក់ការកណ្តាល (HQ)។</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="233"/>
        <source>No arrivals recorded.</source>
        <translation type="unfinished">មិនមានការមកដល់ដែលបានកត់ត្រាទេ។</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="349"/>
        <source>This laptop has no link to HQ (it is not set up to sync): nothing was fetched.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>កុំព្យូទ័រយួរដៃនេះមិនមានការតភ្ជាប់ទៅទីស្នាក់ការកណ្តាលទេ (មិនទាន់បានរៀបចំសម្រាប់ធ្វើសមកាលកម្ម)៖ គ្មានអ្វីត្រូវបានយកមកទេ។</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="354"/>
        <source>Fetching the record back from HQ…</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>កំពុងយកកំណត់ត្រាមកវិញពីទីស្នាក់ការកណ្តាល…</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="368"/>
        <source>Fetched back from HQ: the protection section and notes are on this laptop again.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>បានយកមកវិញពីទីស្នាក់ការកណ្តាល៖ ផ្នែកការការពារ និងកំណត់សម្គាល់ មាននៅលើកុំព្យូទ័រយួរដៃនេះម្តងទៀត។</translation>
    </message>
    <message>
        <location filename="../views/person_detail.py" line="375"/>
        <source>HQ cannot be reached (no network?): nothing was fetched and nothing changed. Try again when the laptop is online.</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មិនអាចភ្ជាប់ទៅទីស្នាក់ការកណ្តាលបានទេ (គ្មានបណ្តាញ?)៖ គ្មានអ្វីត្រូវបានយកមក ហើយគ្មានអ្វីផ្លាស់ប្តូរទេ។ សូមព្យាយាមម្តងទៀត នៅពេលកុំព្យូទ័រយួរដៃមានអ៊ីនធឺណិត។</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="146"/>
        <source>Identity</source>
        <translation type="unfinished">អត្តសញ្ញាណ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="157"/>
        <source>%1 (estimated)</source>
        <translation type="unfinished">%1 (ប៉ាន់ស្មាន)</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="170"/>
        <location filename="../views/person_record.py" line="323"/>
        <source>Arrival %1</source>
        <translation type="unfinished">ការមកដល់ %1</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="163"/>
        <source>(voided)</source>
        <translation type="unfinished">(បានចាត់ទុកជាមោឃៈ)</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="182"/>
        <source>Approved</source>
        <translation type="unfinished">បានអនុម័ត</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="183"/>
        <source>Waiting for review</source>
        <translation type="unfinished">កំពុងរង់ចាំការពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="184"/>
        <source>Review</source>
        <translation type="unfinished">ការពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="190"/>
        <source>Not recorded</source>
        <translation type="unfinished">មិនបានកត់ត្រា</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="201"/>
        <source>Trafficking indicators</source>
        <translation type="unfinished">សូចនាករការជួញដូរមនុស្ស</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="199"/>
        <source>Not screened</source>
        <translation type="unfinished">មិនបានពិនិត្យស្រាវជ្រាវ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="187"/>
        <location filename="../views/person_record.py" line="354"/>
        <source>yes</source>
        <translation type="unfinished">បាទ/ចាស</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="187"/>
        <location filename="../views/person_record.py" line="355"/>
        <source>no</source>
        <translation type="unfinished">ទេ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="195"/>
        <source>Consent</source>
        <translation type="unfinished">ការយល់ព្រម</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="200"/>
        <source>Not visible to your role</source>
        <translation type="unfinished">តួនាទីរបស់អ្នកមិនអាចមើលបានទេ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="223"/>
        <location filename="../views/person_record.py" line="340"/>
        <source>TB screen</source>
        <translation type="unfinished">ការពិនិត្យស្រាវជ្រាវជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="236"/>
        <source>Referrals</source>
        <translation type="unfinished">ការបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="241"/>
        <source>Approve</source>
        <translation type="unfinished">អនុម័ត</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="243"/>
        <source>Approve the arrival of %1</source>
        <translation type="unfinished">អនុម័តការមកដល់នៅ %1</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="265"/>
        <source>%1 (details not visible to your role)</source>
        <translation type="unfinished">%1 (តួនាទីរបស់អ្នកមិនអាចមើលព័ត៌មានលម្អិតបានទេ)</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="271"/>
        <source>%1 to %2: %3</source>
        <translation type="unfinished">%1 ទៅ %2៖ %3</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="290"/>
        <source>History of changes</source>
        <translation type="unfinished">ប្រវត្តិនៃការផ្លាស់ប្តូរ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="300"/>
        <source>device %1 / user %2</source>
        <translation>ឧបករណ៍ %1 / អ្នកប្រើ %2</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="309"/>
        <source>reason: %1</source>
        <translation type="unfinished">មូលហេតុ៖ %1</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="319"/>
        <source>This person&apos;s whole record</source>
        <translation type="unfinished">កំណត់ត្រាទាំងមូលរបស់បុគ្គលនេះ</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="327"/>
        <source>Trafficking-indicator screen of %1</source>
        <translation type="unfinished">ការពិនិត្យសូចនាករការជួញដូរមនុស្ស នៅ %1</translation>
    </message>
    <message>
        <location filename="../views/person_record.py" line="331"/>
        <source>TB screen of %1</source>
        <translation type="unfinished">ការពិនិត្យស្រាវជ្រាវជំងឺរបេង នៅ %1</translation>
    </message>
</context>
<context>
    <name>PersonsModel</name>
    <message>
        <location filename="../models/persons.py" line="145"/>
        <source>Last arrival</source>
        <translation type="unfinished">ការមកដល់ចុងក្រោយ</translation>
    </message>
    <message>
        <location filename="../models/persons.py" line="152"/>
        <source>Loading</source>
        <translation type="unfinished">កំពុងផ្ទុក</translation>
    </message>
    <message>
        <location filename="../models/persons.py" line="172"/>
        <source>Female</source>
        <translation type="unfinished">ស្រី</translation>
    </message>
    <message>
        <location filename="../models/persons.py" line="172"/>
        <source>Male</source>
        <translation type="unfinished">ប្រុស</translation>
    </message>
    <message>
        <location filename="../models/persons.py" line="172"/>
        <source>Other</source>
        <translation type="unfinished">ផ្សេងទៀត</translation>
    </message>
    <message>
        <location filename="../models/persons.py" line="173"/>
        <source>Not specified</source>
        <translation type="unfinished">មិនបានបញ្ជាក់</translation>
    </message>
    <message>
        <location filename="../models/persons.py" line="175"/>
        <source>%1 (estimated)</source>
        <translation type="unfinished">%1 (ប៉ាន់ស្មាន)</translation>
    </message>
</context>
<context>
    <name>PolicyView</name>
    <message>
        <location filename="../views/health_post.py" line="671"/>
        <source>A chest &amp;X-ray is taken here (on site)</source>
        <translation>ថតកាំរស្មីអ៊ិចទ្រូងនៅទីនេះ (នៅនឹងកន្លែង) (&amp;X)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="673"/>
        <source>Recent &amp;detention alone sends a person to the X-ray</source>
        <translation>ការឃុំខ្លួនថ្មីៗតែមួយមុខ បញ្ជូនបុគ្គលទៅថតកាំរស្មីអ៊ិច (&amp;D)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="681"/>
        <source>&amp;Save the TB policy</source>
        <translation>រក្សាទុកគោលការណ៍ជំងឺរបេង (&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="696"/>
        <source>Only a supervisor can change the TB policy.</source>
        <translation>មានតែអ្នកត្រួតពិនិត្យទេដែលអាចផ្លាស់ប្តូរគោលការណ៍ជំងឺរបេង។</translation>
    </message>
    <message>
        <location filename="../views/health_post.py" line="712"/>
        <source>Saved. The TB policy applies from the next sign-in.</source>
        <translation>បានរក្សាទុក។ គោលការណ៍ជំងឺរបេងអនុវត្តចាប់ពីការចូលប្រើលើកក្រោយ។</translation>
    </message>
</context>
<context>
    <name>ProtectionFollowUpTab</name>
    <message>
        <location filename="../views/protection_follow_up.py" line="54"/>
        <source>Show closed referrals too</source>
        <translation>បង្ហាញការបញ្ជូនបន្តដែលបានបិទផងដែរ</translation>
    </message>
    <message>
        <location filename="../views/protection_follow_up.py" line="56"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished">ផ្ទុកឡើងវិញ (&amp;F)</translation>
    </message>
    <message>
        <location filename="../views/protection_follow_up.py" line="61"/>
        <source>Protection referrals</source>
        <translation>ការបញ្ជូនបន្តសម្រាប់ការការពារ</translation>
    </message>
    <message>
        <location filename="../views/protection_follow_up.py" line="63"/>
        <source>Close as lost to follow-up</source>
        <translation>បិទដោយបាត់ការតាមដាន</translation>
    </message>
    <message>
        <location filename="../views/protection_follow_up.py" line="94"/>
        <source>nothing yet</source>
        <translation>មិនទាន់មានអ្វីនៅឡើយ</translation>
    </message>
    <message>
        <location filename="../views/protection_follow_up.py" line="100"/>
        <source>%1 — to %2 (%3), referred %4: %5. Partner: %6</source>
        <translation>%1 — ទៅ %2 (%3) បញ្ជូនថ្ងៃទី %4៖ %5។ ដៃគូ៖ %6</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/protection_follow_up.py" line="105"/>
        <source>%n referral(s)</source>
        <translation type="unfinished">
            <numerusform>ការបញ្ជូន %n</numerusform>
            <numerusform>ការបញ្ជូន %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/protection_follow_up.py" line="116"/>
        <source>Choose a referral in the list.</source>
        <translation type="unfinished">សូមជ្រើសរើសការបញ្ជូនមួយក្នុងបញ្ជី។</translation>
    </message>
</context>
<context>
    <name>ProvisioningWizard</name>
    <message>
        <location filename="../windows/login.py" line="198"/>
        <source>Set up this checkpoint</source>
        <translation type="unfinished">រៀបចំច្រកត្រួតពិនិត្យនេះ</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="205"/>
        <source>Checkpoint and first supervisor</source>
        <translation type="unfinished">ច្រកត្រួតពិនិត្យ និងអ្នកត្រួតពិនិត្យដំបូង</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="206"/>
        <source>Poipet checkpoint</source>
        <translation type="unfinished">ច្រកត្រួតពិនិត្យប៉ោយប៉ែត</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="207"/>
        <location filename="../windows/login.py" line="222"/>
        <source>Checkpoint name</source>
        <translation type="unfinished">ឈ្មោះច្រកត្រួតពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="209"/>
        <location filename="../windows/login.py" line="223"/>
        <source>Supervisor user name</source>
        <translation type="unfinished">ឈ្មោះអ្នកប្រើរបស់អ្នកត្រួតពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="211"/>
        <location filename="../windows/login.py" line="224"/>
        <source>Full name</source>
        <translation type="unfinished">ឈ្មោះពេញ</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="213"/>
        <location filename="../windows/login.py" line="225"/>
        <source>Passphrase</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="215"/>
        <location filename="../windows/login.py" line="226"/>
        <source>Passphrase again</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់ម្តងទៀត</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="232"/>
        <source>Recovery code</source>
        <translation type="unfinished">លេខកូដស្តារ</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="233"/>
        <source>Write this code down or print it, and keep it locked away. It opens the records if every passphrase is forgotten. It is shown only now.</source>
        <translation type="unfinished">សូមសរសេរកូដនេះទុក ឬបោះពុម្ពវា ហើយរក្សាទុកវានៅកន្លែងដែលចាក់សោ។ កូដនេះអាចបើកកំណត់ត្រាបាន ប្រសិនបើឃ្លាសម្ងាត់ទាំងអស់ត្រូវបានភ្លេច។ កូដនេះបង្ហាញតែម្តងនេះប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="239"/>
        <location filename="../windows/login.py" line="240"/>
        <source>I have written down the recovery code</source>
        <translation type="unfinished">ខ្ញុំបានសរសេរលេខកូដស្តារទុករួចហើយ</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="250"/>
        <source>Open Checkpoint</source>
        <translation type="unfinished">បើក Checkpoint</translation>
    </message>
    <message>
        <location filename="../windows/login.py" line="258"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished">ឃ្លាសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ។</translation>
    </message>
</context>
<context>
    <name>QuickRegistrationForm</name>
    <message>
        <location filename="../views/arrivals/quick.py" line="133"/>
        <source>Group</source>
        <translation>ក្រុម</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="137"/>
        <source>Import a &amp;list…</source>
        <translation>នាំចូលបញ្ជី… (&amp;L)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="141"/>
        <source>New &amp;group… (Ctrl+G)</source>
        <translation>ក្រុមថ្មី… (&amp;G) (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="146"/>
        <source>&amp;Add a person not on the list (Ctrl+Shift+N)</source>
        <translation>បន្ថែមបុគ្គលដែលមិនមានក្នុងបញ្ជី (&amp;A) (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="156"/>
        <source>Rows of the list waiting for registration</source>
        <translation>ជួរនៃបញ្ជីដែលកំពុងរង់ចាំការចុះឈ្មោះ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="162"/>
        <source>Passport machine-readable zone</source>
        <translation type="unfinished">តំបន់អានដោយម៉ាស៊ីន (MRZ) នៃលិខិតឆ្លងដែន</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="163"/>
        <source>Scan passport here</source>
        <translation type="unfinished">ស្កេនលិខិតឆ្លងដែននៅទីនេះ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="172"/>
        <source>Family name</source>
        <translation type="unfinished">នាមត្រកូល</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="172"/>
        <source>Given names</source>
        <translation type="unfinished">នាមខ្លួន</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="173"/>
        <source>Name in Khmer</source>
        <translation type="unfinished">ឈ្មោះជាអក្សរខ្មែរ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="173"/>
        <source>Date of birth</source>
        <translation type="unfinished">ថ្ងៃខែឆ្នាំកំណើត</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="174"/>
        <source>Document number</source>
        <translation type="unfinished">លេខឯកសារ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="175"/>
        <source>Phone</source>
        <translation type="unfinished">លេខទូរស័ព្ទ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="175"/>
        <source>Destination district</source>
        <translation>ស្រុកគោលដៅ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="176"/>
        <source>Destination commune</source>
        <translation>ឃុំគោលដៅ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="176"/>
        <source>Destination village</source>
        <translation>ភូមិគោលដៅ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="181"/>
        <location filename="../views/arrivals/quick.py" line="197"/>
        <source>Sex</source>
        <translation type="unfinished">ភេទ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="182"/>
        <source>Female</source>
        <translation type="unfinished">ស្រី</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="182"/>
        <source>Male</source>
        <translation type="unfinished">ប្រុស</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="182"/>
        <location filename="../views/arrivals/quick.py" line="315"/>
        <source>Other</source>
        <translation type="unfinished">ផ្សេងទៀត</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="183"/>
        <source>Not known</source>
        <translation type="unfinished">មិនដឹង</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="186"/>
        <location filename="../views/arrivals/quick.py" line="195"/>
        <source>Document type</source>
        <translation type="unfinished">ប្រភេទឯកសារ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="188"/>
        <location filename="../views/arrivals/quick.py" line="199"/>
        <source>Destination province</source>
        <translation>ខេត្តគោលដៅ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="208"/>
        <source>31/12/1990 (or 2533), or an age: 35</source>
        <translation>31/12/1990 (ឬ 2533) ឬអាយុ៖ 35</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="211"/>
        <source>Household</source>
        <translation>គ្រួសារ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="214"/>
        <source>Role in the household</source>
        <translation>តួនាទីក្នុងគ្រួសារ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="215"/>
        <source>Head</source>
        <translation>មេគ្រួសារ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="215"/>
        <source>Spouse</source>
        <translation>ប្តី ឬប្រពន្ធ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="215"/>
        <source>Child</source>
        <translation>កូន</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="216"/>
        <source>Other relative</source>
        <translation>សាច់ញាតិផ្សេងទៀត</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="223"/>
        <source>Household and role</source>
        <translation>គ្រួសារ និងតួនាទី</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="226"/>
        <location filename="../views/arrivals/quick.py" line="232"/>
        <source>Interpreter&apos;s language (ISO 639)</source>
        <translation>ភាសារបស់អ្នកបកប្រែ (ISO 639)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="236"/>
        <source>&amp;Injured or acutely ill</source>
        <translation>រងរបួស ឬឈឺធ្ងន់ភ្លាមៗ (&amp;I)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="237"/>
        <source>&amp;Pregnant</source>
        <translation>មានផ្ទៃពោះ (&amp;P)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="237"/>
        <source>&amp;Disability</source>
        <translation>ពិការភាព (&amp;D)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="238"/>
        <source>&amp;Older person</source>
        <translation>មនុស្សចាស់ (&amp;O)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="239"/>
        <source>&amp;Controlling person present</source>
        <translation>មានអ្នកគ្រប់គ្រងនៅជាមួយ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="240"/>
        <source>&amp;Visible distress</source>
        <translation>មានទុក្ខព្រួយច្បាស់ៗ (&amp;V)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="246"/>
        <source>This person may already be registered: Enter on one adds this arrival to that person.</source>
        <translation>បុគ្គលនេះប្រហែលជាបានចុះឈ្មោះរួចហើយ៖ ចុច Enter លើឈ្មោះណាមួយ ដើម្បីបន្ថែមការមកដល់នេះទៅបុគ្គលនោះ។</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="252"/>
        <source>Possible duplicates</source>
        <translation type="unfinished">កំណត់ត្រាដែលអាចស្ទួន</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="254"/>
        <source>&amp;Use the selected person</source>
        <translation>ប្រើបុគ្គលដែលបានជ្រើសរើស (&amp;U)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="257"/>
        <source>A &amp;new person, not one of these</source>
        <translation>បុគ្គលថ្មី មិនមែនម្នាក់ក្នុងចំណោមទាំងនេះទេ (&amp;N)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="267"/>
        <source>Why the arrival was not saved</source>
        <translation>ហេតុអ្វីមិនបានរក្សាទុកការមកដល់</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="314"/>
        <source>Bus</source>
        <translation>ឡានក្រុង</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="314"/>
        <source>Truck</source>
        <translation>ឡានដឹក</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="314"/>
        <source>Van</source>
        <translation>ឡានវ៉ាន់</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="315"/>
        <source>On foot</source>
        <translation>ថ្មើរជើង</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="319"/>
        <source>No group</source>
        <translation>គ្មានក្រុម</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="341"/>
        <source>Expected %1 · registered %2 · left %3 · waiting %4</source>
        <translation>រំពឹងទុក %1 · បានចុះឈ្មោះ %2 · បានចាកចេញ %3 · កំពុងរង់ចាំ %4</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="361"/>
        <source>No household (or the list&apos;s)</source>
        <translation>គ្មានគ្រួសារ (ឬតាមបញ្ជី)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="363"/>
        <source>Household: %1</source>
        <translation>គ្រួសារ៖ %1</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="364"/>
        <source>New household</source>
        <translation>គ្រួសារថ្មី</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="393"/>
        <source>A person not on the list: type the details, Enter saves.</source>
        <translation>បុគ្គលដែលមិនមានក្នុងបញ្ជី៖ សូមវាយព័ត៌មាន ហើយចុច Enter ដើម្បីរក្សាទុក។</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="453"/>
        <source>The nationality code %1 is not in the country list: register this person with the full registration, which asks the citizenship.</source>
        <translation>លេខកូដសញ្ជាតិ %1 មិនមាននៅក្នុងបញ្ជីប្រទេសទេ៖ សូមចុះឈ្មោះបុគ្គលនេះតាមរយៈការចុះឈ្មោះពេញលេញ ដែលសួរអំពីសញ្ជាតិ។</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="536"/>
        <source>Destination province: not in the list. Choose one of the provinces.</source>
        <translation>ខេត្តគោលដៅ៖ មិនមានក្នុងបញ្ជីទេ។ សូមជ្រើសរើសខេត្តមួយក្នុងបញ្ជី។</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="539"/>
        <source>Interpreter&apos;s language: not in the list. Choose a language, or type its ISO 639 code.</source>
        <translation>ភាសារបស់អ្នកបកប្រែ៖ មិនមានក្នុងបញ្ជីទេ។ សូមជ្រើសរើសភាសាមួយ ឬវាយលេខកូដ ISO 639 របស់វា។</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="618"/>
        <source>female</source>
        <translation>ស្រី</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="618"/>
        <source>male</source>
        <translation>ប្រុស</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="618"/>
        <source>other</source>
        <translation>ផ្សេងទៀត</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="625"/>
        <source>%1 · %2 · born %3 · last arrival %4 at %5</source>
        <translation>%1 · %2 · កើតឆ្នាំ %3 · មកដល់ចុងក្រោយ %4 នៅ %5</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="659"/>
        <source>Saved. %1 queue places.</source>
        <translation>បានរក្សាទុក។ កន្លែងក្នុងជួររង់ចាំ %1។</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="661"/>
        <source>accompanied</source>
        <translation>មានអ្នកអមដំណើរ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="661"/>
        <source>separated</source>
        <translation>បែកពីឪពុកម្តាយ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="662"/>
        <source>unaccompanied</source>
        <translation>គ្មានអ្នកអមដំណើរ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="663"/>
        <source>Child: %1.</source>
        <translation>កុមារ៖ %1។</translation>
    </message>
    <message>
        <location filename="../views/arrivals/quick.py" line="667"/>
        <source>Guardian: %1.</source>
        <translation>អាណាព្យាបាល៖ %1។</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../dialogs/corrections.py" line="57"/>
        <source>Why is this needed? (required)</source>
        <translation type="unfinished">ហេតុអ្វីត្រូវធ្វើការនេះ? (ត្រូវតែបំពេញ)</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="59"/>
        <source>Problem</source>
        <translation type="unfinished">បញ្ហា</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="65"/>
        <source>Cancel</source>
        <translation type="unfinished">បោះបង់</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="86"/>
        <source>%1: give a reason (at least 3 characters).</source>
        <translation type="unfinished">%1៖ សូមផ្តល់មូលហេតុ (យ៉ាងហោចណាស់ 3 តួអក្សរ)។</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <location filename="../views/records.py" line="52"/>
        <source>Search persons</source>
        <translation type="unfinished">ស្វែងរកបុគ្គល</translation>
    </message>
    <message>
        <location filename="../views/records.py" line="53"/>
        <source>Search: name (Latin or Khmer), document number, phone or date of birth</source>
        <translation type="unfinished">ស្វែងរក៖ ឈ្មោះ (អក្សរឡាតាំង ឬខ្មែរ) លេខឯកសារ លេខទូរស័ព្ទ ឬថ្ងៃខែឆ្នាំកំណើត</translation>
    </message>
    <message>
        <location filename="../views/records.py" line="72"/>
        <source>Persons</source>
        <translation type="unfinished">បុគ្គល</translation>
    </message>
    <message>
        <location filename="../views/records.py" line="173"/>
        <source>Press Enter to open the selected person.</source>
        <translation type="unfinished">ចុច Enter ដើម្បីបើកកំណត់ត្រារបស់បុគ្គលដែលបានជ្រើសរើស។</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/records.py" line="185"/>
        <source>%n persons found</source>
        <translation type="unfinished">
            <numerusform>រកឃើញ %n នាក់</numerusform>
            <numerusform>រកឃើញ %n នាក់</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/records.py" line="187"/>
        <source>(only the first %n are shown; refine the search)</source>
        <translation type="unfinished">
            <numerusform>(បង្ហាញតែ %n នាក់ដំបូងប៉ុណ្ណោះ សូមបញ្ជាក់ការស្វែងរកឱ្យច្បាស់ជាងនេះ)</numerusform>
            <numerusform>(បង្ហាញតែ %n នាក់ដំបូងប៉ុណ្ណោះ សូមបញ្ជាក់ការស្វែងរកឱ្យច្បាស់ជាងនេះ)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/records.py" line="189"/>
        <source>%n persons</source>
        <translation type="unfinished">
            <numerusform>%n នាក់</numerusform>
            <numerusform>%n នាក់</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <location filename="../dialogs/refer.py" line="37"/>
        <source>Refer the person</source>
        <translation>បញ្ជូនសាមីខ្លួន</translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="39"/>
        <location filename="../dialogs/refer.py" line="56"/>
        <source>Agency</source>
        <translation>ស្ថាប័ន</translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="40"/>
        <source>Routine</source>
        <translation>ធម្មតា</translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="40"/>
        <source>Same day</source>
        <translation>នៅថ្ងៃដដែល</translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="41"/>
        <source>Immediate danger (Ctrl+D)</source>
        <translation>គ្រោះថ្នាក់ភ្លាមៗ (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="53"/>
        <source>Why you refer the person</source>
        <translation>មូលហេតុដែលអ្នកបញ្ជូនសាមីខ្លួន</translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="57"/>
        <source>Urgency</source>
        <translation type="unfinished">ភាពបន្ទាន់</translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="58"/>
        <source>Reason</source>
        <translation type="unfinished">មូលហេតុ</translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="60"/>
        <source>Refer</source>
        <translation>បញ្ជូន</translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="65"/>
        <source>Suggested urgency is raised: a controlling person was present.</source>
        <translation>កម្រិតបន្ទាន់ដែលបានស្នើត្រូវបានដំឡើង៖ មានអ្នកគ្រប់គ្រងនៅទីនោះ។</translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="85"/>
        <source>Choose the agency.</source>
        <translation>សូមជ្រើសរើសស្ថាប័ន។</translation>
    </message>
    <message>
        <location filename="../dialogs/refer.py" line="89"/>
        <source>Say why you refer the person.</source>
        <translation>សូមប្រាប់មូលហេតុដែលអ្នកបញ្ជូនសាមីខ្លួន។</translation>
    </message>
</context>
<context>
    <name>Referral</name>
    <message>
        <location filename="../models/referrals.py" line="31"/>
        <source>Referred</source>
        <translation type="unfinished">បានបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="32"/>
        <source>Arrived at the facility</source>
        <translation type="unfinished">បានមកដល់មូលដ្ឋានសុខាភិបាល</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="33"/>
        <source>Chest X-ray done</source>
        <translation type="unfinished">បានថតកាំរស្មីអ៊ិចទ្រូង</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="34"/>
        <source>Xpert test done</source>
        <translation type="unfinished">បានធ្វើតេស្ត Xpert</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="35"/>
        <source>Diagnosed</source>
        <translation type="unfinished">បានធ្វើរោគវិនិច្ឆ័យ</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="36"/>
        <source>Treatment started</source>
        <translation type="unfinished">បានចាប់ផ្តើមព្យាបាល</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="37"/>
        <source>Lost to follow-up</source>
        <translation type="unfinished">បាត់បង់ការតាមដាន</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="38"/>
        <source>Closed</source>
        <translation type="unfinished">បានបិទ</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="41"/>
        <source>Normal</source>
        <translation type="unfinished">ធម្មតា</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="42"/>
        <source>Abnormal, suggestive of TB</source>
        <translation type="unfinished">មិនធម្មតា មានលក្ខណៈសង្ស័យជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="43"/>
        <source>Abnormal, not suggestive of TB</source>
        <translation type="unfinished">មិនធម្មតា គ្មានលក្ខណៈសង្ស័យជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="46"/>
        <source>MTB not detected</source>
        <translation type="unfinished">មិនរកឃើញ MTB</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="47"/>
        <source>MTB detected, rifampicin resistance not detected</source>
        <translation type="unfinished">រកឃើញ MTB, មិនរកឃើញភាពស៊ាំនឹងថ្នាំ Rifampicin</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="48"/>
        <source>MTB detected, rifampicin resistance detected</source>
        <translation type="unfinished">រកឃើញ MTB, រកឃើញភាពស៊ាំនឹងថ្នាំ Rifampicin</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="49"/>
        <source>MTB detected, rifampicin resistance indeterminate</source>
        <translation type="unfinished">រកឃើញ MTB, មិនអាចកំណត់ភាពស៊ាំនឹងថ្នាំ Rifampicin បាន</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="51"/>
        <source>Error, invalid or no result</source>
        <translation type="unfinished">កំហុស, មិនត្រឹមត្រូវ ឬគ្មានលទ្ធផល</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="52"/>
        <source>MTB detected, trace (rifampicin resistance indeterminate)</source>
        <translation>រកឃើញ MTB កម្រិតតិចតួច (ភាពស៊ាំនឹង rifampicin មិនអាចកំណត់បាន)</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="55"/>
        <source>Bacteriologically confirmed TB</source>
        <translation type="unfinished">ជំងឺរបេងបញ្ជាក់ដោយបាក់តេរីសាស្ត្រ</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="56"/>
        <source>Clinically diagnosed TB</source>
        <translation type="unfinished">ជំងឺរបេងធ្វើរោគវិនិច្ឆ័យតាមគ្លីនិក</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="57"/>
        <source>Not TB</source>
        <translation type="unfinished">មិនមែនជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="146"/>
        <source>Chest X-ray result</source>
        <translation type="unfinished">លទ្ធផលថតកាំរស្មីអ៊ិចទ្រូង</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="147"/>
        <source>Xpert result</source>
        <translation type="unfinished">លទ្ធផល Xpert</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="148"/>
        <source>Diagnosis</source>
        <translation type="unfinished">រោគវិនិច្ឆ័យ</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="149"/>
        <source>Treatment started on</source>
        <translation type="unfinished">ថ្ងៃចាប់ផ្តើមព្យាបាល</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="150"/>
        <source>Treatment facility</source>
        <translation type="unfinished">មូលដ្ឋានសុខាភិបាលដែលព្យាបាល</translation>
    </message>
</context>
<context>
    <name>ReferralsModel</name>
    <message>
        <location filename="../models/referrals.py" line="99"/>
        <source>Name</source>
        <translation type="unfinished">ឈ្មោះ</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="99"/>
        <source>Name in Khmer</source>
        <translation type="unfinished">ឈ្មោះជាអក្សរខ្មែរ</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="99"/>
        <source>Referred</source>
        <translation type="unfinished">ថ្ងៃបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="100"/>
        <source>Facility</source>
        <translation type="unfinished">មូលដ្ឋានសុខាភិបាល</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="100"/>
        <source>Urgency</source>
        <translation type="unfinished">ភាពបន្ទាន់</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="100"/>
        <source>Stage</source>
        <translation type="unfinished">ដំណាក់កាល</translation>
    </message>
    <message>
        <location filename="../models/referrals.py" line="117"/>
        <source>Lost to follow-up (after: %1)</source>
        <translation type="unfinished">បាត់បង់ការតាមដាន (បន្ទាប់ពី៖ %1)</translation>
    </message>
</context>
<context>
    <name>ReferralsView</name>
    <message>
        <location filename="../views/referrals.py" line="64"/>
        <source>Show referrals</source>
        <translation type="unfinished">បង្ហាញការបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="65"/>
        <source>Open (need follow-up)</source>
        <translation type="unfinished">មិនទាន់បិទ (ត្រូវការតាមដាន)</translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="66"/>
        <source>All</source>
        <translation type="unfinished">ទាំងអស់</translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="69"/>
        <source>S&amp;how:</source>
        <translation type="unfinished">បង្ហាញ (&amp;H)៖</translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="71"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished">ផ្ទុកឡើងវិញ (&amp;R)</translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="73"/>
        <source>Refresh the list</source>
        <translation type="unfinished">ផ្ទុកបញ្ជីឡើងវិញ</translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="84"/>
        <source>Referrals</source>
        <translation type="unfinished">ការបញ្ជូន</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/referrals.py" line="153"/>
        <source>%n referral(s)</source>
        <translation type="unfinished">
            <numerusform>ការបញ្ជូន %n</numerusform>
            <numerusform>ការបញ្ជូន %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="155"/>
        <source>(only the oldest are shown; choose a narrower filter)</source>
        <translation type="unfinished">(បង្ហាញតែការបញ្ជូនចាស់ជាងគេប៉ុណ្ណោះ សូមជ្រើសរើសតម្រងដែលចង្អៀតជាងនេះ)</translation>
    </message>
    <message>
        <location filename="../views/referrals.py" line="236"/>
        <source>Saved: %1.</source>
        <translation type="unfinished">បានរក្សាទុក៖ %1។</translation>
    </message>
</context>
<context>
    <name>RegistrationWizard</name>
    <message>
        <location filename="../wizards/registration/wizard.py" line="42"/>
        <source>New registration</source>
        <translation type="unfinished">ការចុះឈ្មោះថ្មី</translation>
    </message>
    <message>
        <location filename="../wizards/registration/wizard.py" line="42"/>
        <source>Full registration</source>
        <translation>ការចុះឈ្មោះពេញលេញ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/wizard.py" line="54"/>
        <source>Save</source>
        <translation type="unfinished">រក្សាទុក</translation>
    </message>
</context>
<context>
    <name>RetentionBox</name>
    <message>
        <location filename="../views/supervisor/retention.py" line="49"/>
        <source>Data minimisation</source>
        <translation>ការកាត់បន្ថយទិន្នន័យ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="60"/>
        <source> days</source>
        <translation> ថ្ងៃ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="61"/>
        <source>Retention period after HQ acknowledged a record</source>
        <translation>រយៈពេលរក្សាទុក បន្ទាប់ពីទីស្នាក់ការកណ្តាលទទួលស្គាល់កំណត់ត្រា</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="62"/>
        <source>Save &amp;period</source>
        <translation>រក្សាទុក&amp;រយៈពេល</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="62"/>
        <source>Save the retention period</source>
        <translation>រក្សាទុករយៈពេលរក្សាទុក</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="63"/>
        <source>&amp;Count what would go</source>
        <translation>&amp;រាប់អ្វីដែលនឹងត្រូវលុប</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="64"/>
        <source>Count the records whose protection section would be removed</source>
        <translation>រាប់កំណត់ត្រាដែលផ្នែកការពារនឹងត្រូវលុបចេញ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="65"/>
        <source>&amp;Minimise now</source>
        <translation>&amp;កាត់បន្ថយឥឡូវនេះ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="66"/>
        <source>Remove the protection section of records HQ holds, past the period</source>
        <translation>លុបផ្នែកការពារនៃកំណត់ត្រាដែលទីស្នាក់ការកណ្តាលមាន ហួសរយៈពេល</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="70"/>
        <source>Your passphrase in the backup</source>
        <translation>ឃ្លាសម្ងាត់របស់អ្នកនៅក្នុងឯកសារបម្រុងទុក</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="71"/>
        <source>Rest&amp;ore a backup…</source>
        <translation>&amp;ស្តារឯកសារបម្រុងទុក…</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="72"/>
        <source>Restore a backup as a new store</source>
        <translation>ស្តារឯកសារបម្រុងទុកជាឃ្លាំងទិន្នន័យថ្មី</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="74"/>
        <source>Result</source>
        <translation type="unfinished">លទ្ធផល</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="75"/>
        <source>Error</source>
        <translation type="unfinished">កំហុស</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="81"/>
        <source>Once HQ has acknowledged a record and this period has passed, the trafficking answers, recruiter and debt details and free-text notes leave this computer. HQ keeps them; a supervisor can fetch a record back. A record with an open protection referral keeps them until the referral closes.</source>
        <translation>នៅពេលទីស្នាក់ការកណ្តាលបានទទួលស្គាល់កំណត់ត្រាមួយ ហើយរយៈពេលនេះបានកន្លងផុត ចម្លើយអំពីការជួញដូរមនុស្ស ព័ត៌មានលម្អិតអំពីអ្នកជ្រើសរើស និងបំណុល និងកំណត់ចំណាំសរសេរដោយសេរី នឹងចាកចេញពីកុំព្យូទ័រនេះ។ ទីស្នាក់ការកណ្តាលរក្សាទុកវា ហើយអ្នកគ្រប់គ្រងអាចយកកំណត់ត្រាមកវិញបាន។ កំណត់ត្រាដែលមានការបញ្ជូនការពារនៅបើក រក្សាទុកវា រហូតដល់ការបញ្ជូននោះត្រូវបានបិទ។</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="89"/>
        <source>Retention period:</source>
        <translation>រយៈពេលរក្សាទុក៖</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="98"/>
        <source>Passphrase:</source>
        <translation>ឃ្លាសម្ងាត់៖</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="118"/>
        <source>Choose the backup to restore</source>
        <translation>ជ្រើសរើសឯកសារបម្រុងទុកដើម្បីស្តារ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="119"/>
        <source>Checkpoint backups (*.db)</source>
        <translation type="unfinished">ច្បាប់ចម្លងបម្រុងទុក Checkpoint (*.db)</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/retention.py" line="136"/>
        <source>Retention period saved: %n day(s).</source>
        <translation>
            <numerusform>បានរក្សាទុករយៈពេលរក្សាទុក៖ %n ថ្ងៃ។</numerusform>
            <numerusform>បានរក្សាទុករយៈពេលរក្សាទុក៖ %n ថ្ងៃ។</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/retention.py" line="143"/>
        <source>%n record(s) would lose their protection section.</source>
        <translation>
            <numerusform>កំណត់ត្រា %n នឹងបាត់បង់ផ្នែកការពាររបស់វា។</numerusform>
            <numerusform>កំណត់ត្រា %n នឹងបាត់បង់ផ្នែកការពាររបស់វា។</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/retention.py" line="144"/>
        <source>%n record(s) lost their protection section; HQ keeps it.</source>
        <translation>
            <numerusform>កំណត់ត្រា %n បានបាត់បង់ផ្នែកការពាររបស់វា ហើយទីស្នាក់ការកណ្តាលរក្សាទុកវា។</numerusform>
            <numerusform>កំណត់ត្រា %n បានបាត់បង់ផ្នែកការពាររបស់វា ហើយទីស្នាក់ការកណ្តាលរក្សាទុកវា។</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/retention.py" line="147"/>
        <source>%n record(s) keep it for now.</source>
        <translation>
            <numerusform>កំណត់ត្រា %n រក្សាវាទុកសិន។</numerusform>
            <numerusform>កំណត់ត្រា %n រក្សាវាទុកសិន។</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/supervisor/retention.py" line="180"/>
        <source>Backup restored as %1. Open it from the sign-in screen.</source>
        <translation>បានស្តារឯកសារបម្រុងទុកជា %1។ សូមបើកវាពីអេក្រង់ចូល។</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../models/review.py" line="32"/>
        <source>Arrived</source>
        <translation type="unfinished">ពេលមកដល់</translation>
    </message>
    <message>
        <location filename="../models/review.py" line="32"/>
        <source>Name</source>
        <translation type="unfinished">ឈ្មោះ</translation>
    </message>
    <message>
        <location filename="../models/review.py" line="32"/>
        <source>Name in Khmer</source>
        <translation type="unfinished">ឈ្មោះជាអក្សរខ្មែរ</translation>
    </message>
    <message>
        <location filename="../models/review.py" line="33"/>
        <source>Registered by</source>
        <translation type="unfinished">ចុះឈ្មោះដោយ</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../wizards/registration/review.py" line="33"/>
        <source>Review and save</source>
        <translation type="unfinished">ពិនិត្យ និងរក្សាទុក</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="39"/>
        <source>Why: the ILO rule</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មូលហេតុ៖ វិធាន ILO</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="41"/>
        <source>Why the person goes to the private room</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>មូលហេតុដែលសាមីខ្លួនត្រូវទៅបន្ទប់ឯកជន</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="44"/>
        <source>Referrals</source>
        <translation type="unfinished">ការបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="62"/>
        <source>Referrals (untick to leave one out; a child always gets child protection):</source>
        <translation type="unfinished">ការបញ្ជូន (ដោះធីកចេញ ដើម្បីមិនបញ្ជូនទៅកន្លែងណាមួយ។ កុមារតែងតែត្រូវបញ្ជូនទៅការពារកុមារ)៖</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="66"/>
        <source>Add a referral…</source>
        <translation>បន្ថែមការបញ្ជូន…</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="67"/>
        <source>Add a referral</source>
        <translation>បន្ថែមការបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="76"/>
        <source>Existing person</source>
        <translation type="unfinished">បុគ្គលដែលមានស្រាប់</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="78"/>
        <source>age</source>
        <translation type="unfinished">អាយុ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="97"/>
        <source>Red flag: the person goes to the private room.</source>
        <translation>សញ្ញាព្រមាន៖ សាមីខ្លួនត្រូវទៅបន្ទប់ឯកជន។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="103"/>
        <source>No screening (no consent to screening).</source>
        <translation type="unfinished">មិនបានពិនិត្យស្រាវជ្រាវ (គ្មានការយល់ព្រមឱ្យពិនិត្យស្រាវជ្រាវ)។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="109"/>
        <source>TB referral already open (slip %1, since %2): the health post continues it, no new TB referral is suggested.</source>
        <translation>ការបញ្ជូនជំងឺរបេងកំពុងបើកនៅឡើយ (ប័ណ្ណ %1 តាំងពី %2)៖ ប៉ុស្តិ៍សុខភាពបន្តវា មិនស្នើការបញ្ជូនជំងឺរបេងថ្មីទេ។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="124"/>
        <source>Made without consent: immediate danger</source>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>ធ្វើឡើងដោយគ្មានការយល់ព្រម៖ គ្រោះថ្នាក់ភ្លាមៗ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="170"/>
        <source>Protection</source>
        <translation type="unfinished">ការការពារ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="170"/>
        <source>Child protection</source>
        <translation type="unfinished">ការការពារកុមារ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="171"/>
        <source>Health facility</source>
        <translation type="unfinished">មូលដ្ឋានសុខាភិបាល</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="172"/>
        <source>immediate danger</source>
        <translation type="unfinished">គ្រោះថ្នាក់ភ្លាមៗ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="172"/>
        <source>same day</source>
        <translation type="unfinished">ក្នុងថ្ងៃតែមួយ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="173"/>
        <source>routine</source>
        <translation type="unfinished">ធម្មតា</translation>
    </message>
    <message>
        <location filename="../wizards/registration/review.py" line="177"/>
        <source>%1: %2 · %3 — %4</source>
        <comment>referral: kind, agency, urgency, reason</comment>
        <translatorcomment>first translation, to be reviewed by a native speaker</translatorcomment>
        <translation>%1៖ %2 · %3 — %4</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../views/supervisor/review.py" line="36"/>
        <source>Arrivals waiting for review</source>
        <translation type="unfinished">ការមកដល់ដែលកំពុងរង់ចាំការពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/review.py" line="38"/>
        <source>&amp;Approve selected</source>
        <translation type="unfinished">អនុម័តអ្វីដែលបានជ្រើសរើស (&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/review.py" line="38"/>
        <source>Approve the selected arrivals</source>
        <translation type="unfinished">អនុម័តការមកដល់ដែលបានជ្រើសរើស</translation>
    </message>
    <message>
        <location filename="../views/supervisor/review.py" line="39"/>
        <source>Refresh the review list</source>
        <translation type="unfinished">ផ្ទុកបញ្ជីសម្រាប់ពិនិត្យឡើងវិញ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/review.py" line="39"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished">ផ្ទុកឡើងវិញ (&amp;F)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/review.py" line="42"/>
        <source>Error</source>
        <translation type="unfinished">កំហុស</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/review.py" line="78"/>
        <source>%n arrival(s) waiting</source>
        <translation type="unfinished">
            <numerusform>ការមកដល់ %n កំពុងរង់ចាំ</numerusform>
            <numerusform>ការមកដល់ %n កំពុងរង់ចាំ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/supervisor/review.py" line="80"/>
        <source>(the oldest %1 are shown)</source>
        <translation type="unfinished">(បង្ហាញតែ %1 ដែលចាស់ជាងគេ)</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/review.py" line="111"/>
        <source>%n arrival(s) approved.</source>
        <translation type="unfinished">
            <numerusform>បានអនុម័តការមកដល់ %n។</numerusform>
            <numerusform>បានអនុម័តការមកដល់ %n។</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/supervisor/review.py" line="114"/>
        <source>%n arrival(s) not approved: %1</source>
        <translation type="unfinished">
            <numerusform>មិនបានអនុម័តការមកដល់ %n៖ %1</numerusform>
            <numerusform>មិនបានអនុម័តការមកដល់ %n៖ %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../dialogs/users.py" line="72"/>
        <source>Role of %1</source>
        <translation type="unfinished">តួនាទីរបស់ %1</translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="73"/>
        <source>&amp;Change role</source>
        <translation type="unfinished">ប្តូរតួនាទី (&amp;C)</translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="75"/>
        <source>&amp;Role</source>
        <translation type="unfinished">តួនាទី (&amp;R)</translation>
    </message>
    <message>
        <location filename="../dialogs/users.py" line="75"/>
        <source>Role</source>
        <translation type="unfinished">តួនាទី</translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <location filename="../slip.py" line="136"/>
        <source>Print referral slip</source>
        <translation type="unfinished">បោះពុម្ពលិខិតបញ្ជូន</translation>
    </message>
</context>
<context>
    <name>SlipCheckDialog</name>
    <message>
        <location filename="../dialogs/slip_check.py" line="61"/>
        <source>Check a slip</source>
        <translation>ពិនិត្យប័ណ្ណបញ្ជូន</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="63"/>
        <source>Scan the QR code on the referral slip, or paste its text, then press Enter.</source>
        <translation>ស្កេនកូដ QR លើប័ណ្ណបញ្ជូន ឬបិទភ្ជាប់អត្ថបទរបស់វា រួចចុច Enter។</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="67"/>
        <source>Slip code</source>
        <translation>កូដប័ណ្ណ</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="68"/>
        <source>CPR2.…</source>
        <translation>CPR2.…</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="74"/>
        <location filename="../dialogs/slip_check.py" line="121"/>
        <source>Verdict</source>
        <translation>លទ្ធផលពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="75"/>
        <source>Reason in English</source>
        <translation>មូលហេតុជាភាសាអង់គ្លេស</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="76"/>
        <source>Reason in Khmer</source>
        <translation>មូលហេតុជាភាសាខ្មែរ</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="77"/>
        <source>Where and when the slip was printed</source>
        <translation>ទីកន្លែង និងពេលវេលាដែលប័ណ្ណត្រូវបានបោះពុម្ព</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="78"/>
        <source>The person the slip names</source>
        <translation>មនុស្សដែលមានឈ្មោះនៅលើប័ណ្ណ</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="80"/>
        <source>What to check, in English</source>
        <translation>អ្វីដែលត្រូវពិនិត្យ ជាភាសាអង់គ្លេស</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="81"/>
        <source>What to check, in Khmer</source>
        <translation>អ្វីដែលត្រូវពិនិត្យ ជាភាសាខ្មែរ</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="82"/>
        <source>&amp;Open the record (Ctrl+O)</source>
        <translation>&amp;បើកកំណត់ត្រា (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="84"/>
        <source>Open the person&apos;s record</source>
        <translation>បើកកំណត់ត្រារបស់មនុស្សនោះ</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="91"/>
        <source>&amp;Check</source>
        <translation>&amp;ពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="118"/>
        <source>VALID</source>
        <translation>ត្រឹមត្រូវ</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="118"/>
        <source>NOT VALID</source>
        <translation>មិនត្រឹមត្រូវ</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="126"/>
        <source>Printed at %1 on %2, valid until %3.</source>
        <translation>បានបោះពុម្ពនៅ %1 នៅថ្ងៃទី %2 មានសុពលភាពរហូតដល់ %3។</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="129"/>
        <source>HQ&apos;s keys as of %1.</source>
        <translation>កូនសោរបស់ទីស្នាក់ការកណ្តាល គិតត្រឹមថ្ងៃទី %1។</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="131"/>
        <source>HQ&apos;s list of other checkpoints&apos; keys is past its expiry: sync with HQ.</source>
        <translation>បញ្ជីកូនសោនៃច្រកត្រួតពិនិត្យផ្សេងទៀតរបស់ទីស្នាក់ការកណ្តាល ហួសកាលកំណត់ហើយ៖ សូមធ្វើសមកាលកម្មជាមួយទីស្នាក់ការកណ្តាល។</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="133"/>
        <source>That list is more than %1 days old: a slip signed with a key HQ has revoked since may still show as valid here. Sync with HQ.</source>
        <translation>បញ្ជីនោះចាស់ជាង %1 ថ្ងៃហើយ៖ ប័ណ្ណដែលចុះហត្ថលេខាដោយកូនសោដែលទីស្នាក់ការកណ្តាលបានដកហូតចាប់តាំងពីពេលនោះ អាចនៅតែបង្ហាញថាត្រឹមត្រូវនៅទីនេះ។ សូមធ្វើសមកាលកម្មជាមួយទីស្នាក់ការកណ្តាល។</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="142"/>
        <source>Sex: %1 · Age at arrival: %2</source>
        <translation>ភេទ៖ %1 · អាយុពេលមកដល់៖ %2</translation>
    </message>
    <message>
        <location filename="../dialogs/slip_check.py" line="144"/>
        <source>%1 to %2 — %3</source>
        <translation>%1 ទៅ %2 — %3</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <location filename="../app.py" line="172"/>
        <source>This store is already open in another Checkpoint window. Switch to that window (it may be minimised), or close it first.</source>
        <translation>ឃ្លាំងទិន្នន័យនេះកំពុងបើកនៅក្នុងផ្ទាំង Checkpoint មួយទៀតរួចហើយ។ សូមប្តូរទៅផ្ទាំងនោះ (វាអាចត្រូវបានបង្រួម) ឬបិទវាជាមុនសិន។</translation>
    </message>
</context>
<context>
    <name>StationQueueView</name>
    <message>
        <location filename="../views/arrivals/queue.py" line="51"/>
        <source>SURGE MODE: quick registration only; interviews for the flagged.</source>
        <translation>របៀបអ្នកមកច្រើន៖ ចុះឈ្មោះរហ័សតែប៉ុណ្ណោះ; សម្ភាសន៍សម្រាប់អ្នកដែលមានសញ្ញា។</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="59"/>
        <source>Station</source>
        <translation>ស្ថានីយ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="60"/>
        <source>Private interview room</source>
        <translation>បន្ទប់សម្ភាសន៍ឯកជន</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="60"/>
        <location filename="../views/arrivals/queue.py" line="201"/>
        <source>Health post</source>
        <translation type="unfinished">ប៉ុស្តិ៍សុខភាព</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="61"/>
        <source>NEA desk</source>
        <translation>តុ NEA</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="61"/>
        <source>Assistance desk</source>
        <translation>តុជំនួយ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="66"/>
        <source>Call next (F5)</source>
        <translation>ហៅអ្នកបន្ទាប់ (F5)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="70"/>
        <source>Laptops of this checkpoint share the queue through HQ whenever a link exists; without one, this laptop&apos;s queue is its own and merges at the next sync.</source>
        <translation>កុំព្យូទ័រយួរដៃនៃច្រកត្រួតពិនិត្យនេះ ចែករំលែកជួររង់ចាំតាមរយៈទីស្នាក់ការកណ្តាល (HQ) នៅពេលមានការតភ្ជាប់; បើគ្មាន ជួររង់ចាំនៃកុំព្យូទ័រនេះគឺជារបស់វាផ្ទាល់ ហើយបញ្ចូលគ្នានៅពេលធ្វើសមកាលកម្មលើកក្រោយ។</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="77"/>
        <source>Queue</source>
        <translation>ជួររង់ចាំ</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="81"/>
        <source>Done (Ctrl+D)</source>
        <translation>រួចរាល់ (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="82"/>
        <source>Referred (Ctrl+R)</source>
        <translation>បានបញ្ជូន (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="83"/>
        <source>Left before being seen (Ctrl+E)</source>
        <translation>បានចាកចេញមុនពេលត្រូវបានជួប (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="122"/>
        <source>being seen</source>
        <translation>កំពុងត្រូវបានជួប</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="123"/>
        <source>waiting %1 min</source>
        <translation>កំពុងរង់ចាំ %1 នាទី</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="126"/>
        <source>red flags: %1</source>
        <translation>សញ្ញាព្រមាន៖ %1</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="131"/>
        <source>Waiting %1 · seen %2 · referred %3 · left before being seen %4</source>
        <translation>កំពុងរង់ចាំ %1 · បានជួប %2 · បានបញ្ជូន %3 · បានចាកចេញមុនពេលជួប %4</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="146"/>
        <source>No one is waiting at this station.</source>
        <translation>គ្មាននរណាម្នាក់កំពុងរង់ចាំនៅស្ថានីយនេះទេ។</translation>
    </message>
    <message>
        <location filename="../views/arrivals/queue.py" line="183"/>
        <source>This person&apos;s full registration is already recorded: interview them and close the entry (Ctrl+D).</source>
        <translation>ការចុះឈ្មោះពេញលេញរបស់អ្នកនេះបានកត់ត្រារួចហើយ៖ សម្ភាសន៍ពួកគេ ហើយបិទធាតុនេះ (Ctrl+D)។</translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <location filename="../views/supervisor/view.py" line="42"/>
        <source>Supervisor tasks</source>
        <translation type="unfinished">ការងាររបស់អ្នកត្រួតពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="49"/>
        <source>&amp;Review</source>
        <translation type="unfinished">ពិនិត្យ (&amp;R)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="51"/>
        <source>&amp;Users</source>
        <translation type="unfinished">អ្នកប្រើ (&amp;U)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="53"/>
        <source>&amp;Data</source>
        <translation type="unfinished">ទិន្នន័យ (&amp;D)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="60"/>
        <source>Pro&amp;tection referrals</source>
        <translation>ការបញ្ជូនបន្តសម្រាប់ការ&amp;ការពារ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="61"/>
        <source>Your role has no supervisor tasks.</source>
        <translation type="unfinished">តួនាទីរបស់អ្នក មិនមានការងាររបស់អ្នកត្រួតពិនិត្យទេ។</translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="84"/>
        <source>Export to a new CSV file</source>
        <translation type="unfinished">នាំចេញទៅឯកសារ CSV ថ្មី</translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="84"/>
        <location filename="../views/supervisor/view.py" line="87"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished">ឯកសារ CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="86"/>
        <source>Export for NEA to a new file</source>
        <translation>នាំចេញសម្រាប់ NEA ទៅឯកសារថ្មី</translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="87"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>សៀវភៅការងារ Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="89"/>
        <source>Restore the backup as a new store</source>
        <translation>ស្តារឯកសារបម្រុងទុកជាឃ្លាំងទិន្នន័យថ្មី</translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="91"/>
        <source>Write the backup to a new file</source>
        <translation type="unfinished">សរសេរច្បាប់ចម្លងបម្រុងទុក ទៅឯកសារថ្មី</translation>
    </message>
    <message>
        <location filename="../views/supervisor/view.py" line="89"/>
        <location filename="../views/supervisor/view.py" line="91"/>
        <source>Checkpoint backups (*.db)</source>
        <translation type="unfinished">ច្បាប់ចម្លងបម្រុងទុក Checkpoint (*.db)</translation>
    </message>
</context>
<context>
    <name>SurgePanel</name>
    <message>
        <location filename="../views/arrivals/surge.py" line="21"/>
        <source>&amp;Surge mode: quick registration only, interviews for the flagged</source>
        <translation>របៀបអ្នកមកច្រើន៖ ចុះឈ្មោះរហ័សតែប៉ុណ្ណោះ សម្ភាសន៍សម្រាប់អ្នកដែលមានសញ្ញា (&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/surge.py" line="26"/>
        <source>People who pass without registration:</source>
        <translation>អ្នកដែលឆ្លងកាត់ដោយគ្មានការចុះឈ្មោះ៖</translation>
    </message>
    <message>
        <location filename="../views/arrivals/surge.py" line="29"/>
        <source>&amp;Woman</source>
        <translation>ស្ត្រី (&amp;W)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/surge.py" line="29"/>
        <source>&amp;Man</source>
        <translation>បុរស (&amp;M)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/surge.py" line="30"/>
        <source>&amp;Girl</source>
        <translation>ក្មេងស្រី (&amp;G)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/surge.py" line="30"/>
        <source>&amp;Boy</source>
        <translation>ក្មេងប្រុស (&amp;B)</translation>
    </message>
    <message>
        <location filename="../views/arrivals/surge.py" line="57"/>
        <source>Women %1 · men %2 · girls %3 · boys %4</source>
        <translation>ស្ត្រី %1 · បុរស %2 · ក្មេងស្រី %3 · ក្មេងប្រុស %4</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../views/sync_panel.py" line="89"/>
        <source>Sync now</source>
        <translation type="unfinished">ធ្វើសមកាលកម្មឥឡូវនេះ</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="91"/>
        <source>Stop</source>
        <translation type="unfinished">បញ្ឈប់</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="94"/>
        <source>Export batch to USB…</source>
        <translation type="unfinished">នាំចេញកញ្ចប់ទិន្នន័យទៅ USB…</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="96"/>
        <source>Import acknowledgement from USB…</source>
        <translation type="unfinished">នាំចូលការបញ្ជាក់ទទួលពី USB…</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="98"/>
        <source>HQ moved: change its address…</source>
        <translation>ទីស្នាក់ការកណ្ដាលបានផ្លាស់ទីតាំង៖ ប្ដូរអាសយដ្ឋាន…</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="105"/>
        <source>Enroll this device with HQ</source>
        <translation type="unfinished">ចុះឈ្មោះឧបករណ៍នេះជាមួយ ទីស្នាក់ការកណ្តាល (HQ)</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="107"/>
        <location filename="../views/sync_panel.py" line="115"/>
        <source>HQ address</source>
        <translation type="unfinished">អាសយដ្ឋាន ទីស្នាក់ការកណ្តាល (HQ)</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="110"/>
        <source>One-time enrollment code (token and HQ key fingerprint)</source>
        <translation>លេខកូដចុះឈ្មោះប្រើតែម្តង (លេខកូដ និងស្នាមម្រាមដៃសោរបស់ HQ)</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="111"/>
        <source>Enroll</source>
        <translation type="unfinished">ចុះឈ្មោះ</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="116"/>
        <source>One-time token</source>
        <translation type="unfinished">លេខកូដប្រើតែម្ដង</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="122"/>
        <source>Batches</source>
        <translation type="unfinished">កញ្ចប់ទិន្នន័យ</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="125"/>
        <source>Conflicts to decide</source>
        <translation type="unfinished">ភាពផ្ទុយគ្នាដែលត្រូវសម្រេច</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="126"/>
        <source>Keep the value in place</source>
        <translation type="unfinished">រក្សាតម្លៃដែលមានស្រាប់</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="128"/>
        <source>Keep the other value</source>
        <translation type="unfinished">រក្សាតម្លៃមួយទៀត</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="139"/>
        <source>Batches (newest first):</source>
        <translation type="unfinished">កញ្ចប់ទិន្នន័យ (ថ្មីបំផុតមុនគេ)៖</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="141"/>
        <source>The same field changed on two devices — decide which value stays:</source>
        <translation type="unfinished">ព័ត៌មានដដែលត្រូវបានកែប្រែលើឧបករណ៍ពីរ — សូមសម្រេចថាតម្លៃណាត្រូវរក្សាទុក៖</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="177"/>
        <source>Waiting to send: %1 · sent, awaiting HQ: %2 · acknowledged by HQ: %3</source>
        <translation type="unfinished">រង់ចាំផ្ញើ៖ %1 · បានផ្ញើ កំពុងរង់ចាំ ទីស្នាក់ការកណ្តាល (HQ)៖ %2 · ទីស្នាក់ការកណ្តាល (HQ) បានបញ្ជាក់ទទួល៖ %3</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="180"/>
        <source>Last complete sync: %1</source>
        <translation type="unfinished">សមកាលកម្មពេញលេញចុងក្រោយ៖ %1</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="182"/>
        <source>This device is not enrolled with HQ yet.</source>
        <translation type="unfinished">ឧបករណ៍នេះមិនទាន់បានចុះឈ្មោះជាមួយ ទីស្នាក់ការកណ្តាល (HQ) នៅឡើយទេ។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="185"/>
        <source>HQ set aside %1 record(s) with a reason; see the batches.</source>
        <translation type="unfinished">ទីស្នាក់ការកណ្តាល (HQ) បានដាក់ដាច់ដោយឡែកនូវកំណត់ត្រាចំនួន %1 ដោយមានមូលហេតុ។ សូមមើលកញ្ចប់ទិន្នន័យ។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="188"/>
        <source>HQ holds another copy of %1 event(s) of this device: a data manager at HQ decides which stands.</source>
        <translation>ទីស្នាក់ការកណ្ដាលមានច្បាប់ចម្លងផ្សេងទៀតនៃព្រឹត្តិការណ៍ %1 របស់ឧបករណ៍នេះ៖ អ្នកគ្រប់គ្រងទិន្នន័យនៅទីស្នាក់ការកណ្ដាលសម្រេចថាមួយណាត្រូវរក្សាទុក។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="192"/>
        <source>Decided at HQ: %1 conflict(s), HQ&apos;s copy kept. If this laptop&apos;s copy was right, correct the record here.</source>
        <translation>បានសម្រេចនៅទីស្នាក់ការកណ្ដាល៖ ជម្លោះ %1 ច្បាប់ចម្លងរបស់ទីស្នាក់ការកណ្ដាលត្រូវបានរក្សាទុក។ បើច្បាប់ចម្លងរបស់កុំព្យូទ័រនេះត្រឹមត្រូវ សូមកែកំណត់ត្រានៅទីនេះ។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="199"/>
        <source>Kept aside from HQ, not applied: %1</source>
        <translation>បានទុកដាច់ដោយឡែកពីទីស្នាក់ការកណ្តាល (HQ) មិនបានអនុវត្ត៖ %1</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="219"/>
        <source>HQ: %1 waiting</source>
        <translation type="unfinished">ទីស្នាក់ការកណ្តាល៖ រង់ចាំ %1</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="228"/>
        <source>No referral directory from HQ yet: the agencies shipped with the app are used.</source>
        <translation>មិនទាន់មានបញ្ជីឈ្មោះអង្គការទទួលការបញ្ជូនបន្តពីទីស្នាក់ការកណ្តាលនៅឡើយទេ៖ ប្រើភ្នាក់ងារដែលភ្ជាប់មកជាមួយកម្មវិធី។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="230"/>
        <source>Referral directory of %1 (version %2, %3 organisations).</source>
        <translation>បញ្ជីឈ្មោះអង្គការទទួលការបញ្ជូនបន្តចុះថ្ងៃទី %1 (កំណែ %2, អង្គការ %3)។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="233"/>
        <source>Warning: the referral directory expired on %1. It stays in use; sync with HQ to renew it.</source>
        <translation>ការព្រមាន៖ បញ្ជីឈ្មោះអង្គការទទួលការបញ្ជូនបន្តបានផុតកំណត់នៅថ្ងៃទី %1។ វានៅតែប្រើដដែល។ សូមធ្វើសមកាលកម្មជាមួយទីស្នាក់ការកណ្តាលដើម្បីបន្តវា។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="236"/>
        <source>HQ&apos;s latest directory was refused: %1</source>
        <translation>បញ្ជីឈ្មោះថ្មីបំផុតរបស់ទីស្នាក់ការកណ្តាលត្រូវបានបដិសេធ៖ %1</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="243"/>
        <source>Enrolled again with HQ %1 on %2, after HQ at %3 released this device.</source>
        <translation>បានចុះឈ្មោះម្តងទៀតជាមួយទីស្នាក់ការកណ្តាល (HQ) %1 នៅ %2 បន្ទាប់ពី HQ នៅ %3 បានដោះលែងឧបករណ៍នេះ។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="247"/>
        <source>Enrolled with HQ %1 on %2.</source>
        <translation>បានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្តាល (HQ) %1 នៅ %2។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="286"/>
        <source>Syncing…</source>
        <translation type="unfinished">កំពុងធ្វើសមកាលកម្ម…</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="291"/>
        <source>Sent %1 of %2</source>
        <translation type="unfinished">បានផ្ញើ %1 ក្នុងចំណោម %2</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="304"/>
        <source>Everything is at HQ.</source>
        <translation type="unfinished">ទិន្នន័យទាំងអស់មាននៅ ទីស្នាក់ការកណ្តាល (HQ) ហើយ។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="306"/>
        <source>Stopped. Nothing was lost; the rest goes next time.</source>
        <translation type="unfinished">បានបញ្ឈប់។ គ្មានអ្វីបាត់បង់ទេ ទិន្នន័យដែលនៅសល់នឹងផ្ញើនៅពេលក្រោយ។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="308"/>
        <source>Not finished: %1</source>
        <translation type="unfinished">មិនទាន់រួចរាល់៖ %1</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="309"/>
        <source>HQ has not acknowledged everything yet.</source>
        <translation type="unfinished">ទីស្នាក់ការកណ្តាល (HQ) មិនទាន់បញ្ជាក់ទទួលទិន្នន័យទាំងអស់នៅឡើយទេ។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="326"/>
        <source>Enter HQ&apos;s address and the one-time enrollment code.</source>
        <translation>សូមបញ្ចូលអាសយដ្ឋានរបស់ទីស្នាក់ការកណ្តាល (HQ) និងលេខកូដចុះឈ្មោះប្រើតែម្តង។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="351"/>
        <source>HQ&apos;s address is now %1.</source>
        <translation>អាសយដ្ឋានរបស់ទីស្នាក់ការកណ្ដាលឥឡូវគឺ %1។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="363"/>
        <source>Export batch to USB</source>
        <translation type="unfinished">នាំចេញកញ្ចប់ទិន្នន័យទៅ USB</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="365"/>
        <source>Import HQ&apos;s acknowledgement</source>
        <translation type="unfinished">នាំចូលការបញ្ជាក់ទទួលពី ទីស្នាក់ការកណ្តាល (HQ)</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="375"/>
        <source>Nothing is waiting to be sent.</source>
        <translation type="unfinished">គ្មានទិន្នន័យរង់ចាំផ្ញើទេ។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="376"/>
        <source>Wrote %1 events to %2. Take it to HQ; bring back the acknowledgement file.</source>
        <translation type="unfinished">បានសរសេរព្រឹត្តិការណ៍ %1 ទៅក្នុង %2។ សូមយកវាទៅ ទីស្នាក់ការកណ្តាល (HQ) ហើយយកឯកសារបញ្ជាក់ទទួលត្រឡប់មកវិញ។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="391"/>
        <source>HQ&apos;s acknowledgement applied.</source>
        <translation type="unfinished">បានអនុវត្តការបញ្ជាក់ទទួលពី ទីស្នាក់ការកណ្តាល (HQ) រួចហើយ។</translation>
    </message>
    <message>
        <location filename="../views/sync_panel.py" line="392"/>
        <source>This acknowledgement was already applied.</source>
        <translation type="unfinished">ការបញ្ជាក់ទទួលនេះត្រូវបានអនុវត្តរួចហើយ។</translation>
    </message>
</context>
<context>
    <name>TBPage</name>
    <message>
        <location filename="../wizards/registration/tb.py" line="27"/>
        <source>TB screen</source>
        <translation type="unfinished">ការពិនិត្យស្រាវជ្រាវជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="31"/>
        <source>Cough now</source>
        <translation type="unfinished">ក្អកបច្ចុប្បន្ន</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="33"/>
        <source>Coughing up blood</source>
        <translation type="unfinished">ក្អកចេញឈាម</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="34"/>
        <source>Fever</source>
        <translation type="unfinished">គ្រុនក្តៅ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="35"/>
        <source>Night sweats</source>
        <translation type="unfinished">បែកញើសពេលយប់</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="36"/>
        <source>Weight loss without trying</source>
        <translation type="unfinished">ស្រកទម្ងន់ដោយមិនដឹងមូលហេតុ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="37"/>
        <source>Poor weight gain (children under 15)</source>
        <translation type="unfinished">ឡើងទម្ងន់មិនល្អ (កុមារអាយុក្រោម ១៥ឆ្នាំ)</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="38"/>
        <source>Not known / not asked</source>
        <translation type="unfinished">មិនដឹង / មិនបានសួរ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="39"/>
        <source>Negative</source>
        <translation type="unfinished">អវិជ្ជមាន</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="39"/>
        <source>Positive</source>
        <translation type="unfinished">វិជ្ជមាន</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="41"/>
        <source>Lives with or is close to someone with TB</source>
        <translation type="unfinished">រស់នៅជាមួយ ឬនៅជិតស្និទ្ធនឹងអ្នកមានជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="42"/>
        <source>Treated for TB before</source>
        <translation type="unfinished">ធ្លាប់ព្យាបាលជំងឺរបេង</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="43"/>
        <source>Diabetes</source>
        <translation type="unfinished">ជំងឺទឹកនោមផ្អែម</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="44"/>
        <source>Recently held in prison or immigration detention</source>
        <translation type="unfinished">ទើបតែត្រូវឃុំខ្លួនក្នុងពន្ធនាគារ ឬមណ្ឌលឃុំឃាំងអន្តោប្រវេសន៍</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="46"/>
        <location filename="../wizards/registration/tb.py" line="57"/>
        <source>Days of cough</source>
        <translation type="unfinished">ចំនួនថ្ងៃក្អក</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="47"/>
        <location filename="../wizards/registration/tb.py" line="59"/>
        <source>HIV status (optional, sensitive)</source>
        <translation type="unfinished">ស្ថានភាពមេរោគអេដស៍ HIV (មិនចាំបាច់, ព័ត៌មានរសើប)</translation>
    </message>
    <message>
        <location filename="../wizards/registration/tb.py" line="50"/>
        <source>TB screen result</source>
        <translation type="unfinished">លទ្ធផលពិនិត្យស្រាវជ្រាវជំងឺរបេង</translation>
    </message>
</context>
<context>
    <name>TraffickingPage</name>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="46"/>
        <source>Trafficking indicators</source>
        <translation type="unfinished">សូចនាករការជួញដូរមនុស្ស</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="47"/>
        <source>First the red-flag questions. Answer Y (yes) or N (no); an unanswered question is recorded as not asked. Each dimension is judged on its own.</source>
        <translation>សួរសំណួរសញ្ញាព្រមានជាមុនសិន។ ចុច Y (បាទ/ចាស) ឬ N (ទេ)៖ សំណួរដែលមិនបានឆ្លើយ ត្រូវកត់ត្រាថាមិនបានសួរ។ វិមាត្រនីមួយៗត្រូវវាយតម្លៃដាច់ដោយឡែក។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="54"/>
        <source>Red-flag questions (ask everyone)</source>
        <translation>សំណួរសញ្ញាព្រមាន (សួរគ្រប់គ្នា)</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="64"/>
        <source>Red-flag result</source>
        <translation>លទ្ធផលសញ្ញាព្រមាន</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="67"/>
        <location filename="../wizards/registration/trafficking.py" line="68"/>
        <source>Answer the questions not asked: no</source>
        <translation>ឆ្លើយសំណួរដែលមិនបានសួរ៖ ទេ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="72"/>
        <source>Safety rule (not the ILO rule)</source>
        <translation>វិធានសុវត្ថិភាព (មិនមែនវិធានរបស់ ILO)</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="83"/>
        <source>Checklist result</source>
        <translation type="unfinished">លទ្ធផលបញ្ជីសូចនាករ</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="88"/>
        <source>Age when exploited, if different (optional)</source>
        <translation type="unfinished">អាយុនៅពេលត្រូវគេកេងប្រវ័ញ្ច ប្រសិនបើខុសពីអាយុបច្ចុប្បន្ន (មិនចាំបាច់)</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="100"/>
        <source>Type of exploitation</source>
        <translation>ប្រភេទនៃការកេងប្រវ័ញ្ច</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="109"/>
        <source>Type of exploitation (if any):</source>
        <translation>ប្រភេទនៃការកេងប្រវ័ញ្ច (ប្រសិនបើមាន)៖</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="214"/>
        <source>Private room: ask the full checklist there.</source>
        <translation>បន្ទប់ឯកជន៖ សួរបញ្ជីសំណួរពេញលេញនៅទីនោះ។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="217"/>
        <source>No red flag. The full checklist is not asked: it is recorded as not screened.</source>
        <translation>គ្មានសញ្ញាព្រមាន។ មិនសួរបញ្ជីសំណួរពេញលេញទេ៖ វាត្រូវកត់ត្រាថាមិនបានពិនិត្យ។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="220"/>
        <source>Ask every red-flag question; the full checklist stays open until they are answered.</source>
        <translation>សួរសំណួរសញ្ញាព្រមានទាំងអស់៖ បញ្ជីសំណួរពេញលេញនៅបើកដរាបណាសំណួរទាំងនោះមិនទាន់បានឆ្លើយ។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="249"/>
        <source>Child: refer to child protection.</source>
        <translation type="unfinished">កុមារ៖ បញ្ជូនទៅការពារកុមារ។</translation>
    </message>
    <message>
        <location filename="../wizards/registration/trafficking.py" line="251"/>
        <source>An indicator whose grade is not yet verified was used.</source>
        <translation type="unfinished">បានប្រើសូចនាករមួយ ដែលកម្រិតរបស់វាមិនទាន់ត្រូវបានផ្ទៀងផ្ទាត់។</translation>
    </message>
</context>
<context>
    <name>User</name>
    <message>
        <location filename="../models/users.py" line="23"/>
        <source>Officer</source>
        <translation type="unfinished">មន្ត្រី</translation>
    </message>
    <message>
        <location filename="../models/users.py" line="24"/>
        <source>Health worker</source>
        <translation type="unfinished">បុគ្គលិកសុខាភិបាល</translation>
    </message>
    <message>
        <location filename="../models/users.py" line="25"/>
        <source>Supervisor</source>
        <translation type="unfinished">អ្នកត្រួតពិនិត្យ</translation>
    </message>
    <message>
        <location filename="../models/users.py" line="26"/>
        <source>Administrator</source>
        <translation type="unfinished">អ្នកគ្រប់គ្រងប្រព័ន្ធ</translation>
    </message>
    <message>
        <location filename="../models/users.py" line="29"/>
        <source>Active</source>
        <translation type="unfinished">សកម្ម</translation>
    </message>
    <message>
        <location filename="../models/users.py" line="30"/>
        <source>Locked</source>
        <translation type="unfinished">បានចាក់សោ</translation>
    </message>
    <message>
        <location filename="../models/users.py" line="56"/>
        <source>Strong</source>
        <translation type="unfinished">រឹងមាំ</translation>
    </message>
    <message>
        <location filename="../models/users.py" line="55"/>
        <source>Fair: a few more words make it stronger</source>
        <translation type="unfinished">មធ្យម៖ ការបន្ថែមពាក្យពីរបីទៀត នឹងធ្វើឱ្យវារឹងមាំជាងនេះ</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../models/users.py" line="71"/>
        <source>User name</source>
        <translation type="unfinished">ឈ្មោះអ្នកប្រើ</translation>
    </message>
    <message>
        <location filename="../models/users.py" line="71"/>
        <source>Display name</source>
        <translation type="unfinished">ឈ្មោះបង្ហាញ</translation>
    </message>
    <message>
        <location filename="../models/users.py" line="71"/>
        <source>Role</source>
        <translation type="unfinished">តួនាទី</translation>
    </message>
    <message>
        <location filename="../models/users.py" line="72"/>
        <source>Status</source>
        <translation type="unfinished">ស្ថានភាព</translation>
    </message>
    <message>
        <location filename="../models/users.py" line="72"/>
        <source>Wrong passphrases</source>
        <translation type="unfinished">ចំនួនដងវាយឃ្លាសម្ងាត់ខុស</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../views/supervisor/users.py" line="37"/>
        <source>Users</source>
        <translation type="unfinished">អ្នកប្រើ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="38"/>
        <source>&amp;Add user…</source>
        <translation type="unfinished">បន្ថែមអ្នកប្រើ (&amp;A)…</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="38"/>
        <source>Add a user</source>
        <translation type="unfinished">បន្ថែមអ្នកប្រើ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="39"/>
        <source>Reset &amp;passphrase…</source>
        <translation type="unfinished">កំណត់ឃ្លាសម្ងាត់ឡើងវិញ (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="40"/>
        <source>Reset the selected user&apos;s passphrase</source>
        <translation type="unfinished">កំណត់ឃ្លាសម្ងាត់របស់អ្នកប្រើដែលបានជ្រើសរើសឡើងវិញ</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="41"/>
        <source>&amp;Lock</source>
        <translation type="unfinished">ចាក់សោ (&amp;L)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="41"/>
        <source>Lock the selected account</source>
        <translation type="unfinished">ចាក់សោគណនីដែលបានជ្រើសរើស</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="42"/>
        <source>U&amp;nlock</source>
        <translation type="unfinished">ដោះសោ (&amp;N)</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="42"/>
        <source>Unlock the selected account</source>
        <translation type="unfinished">ដោះសោគណនីដែលបានជ្រើសរើស</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="43"/>
        <source>Change the selected user&apos;s role</source>
        <translation type="unfinished">ប្តូរតួនាទីរបស់អ្នកប្រើដែលបានជ្រើសរើស</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="43"/>
        <source>Change r&amp;ole…</source>
        <translation type="unfinished">ប្តូរតួនាទី (&amp;O)…</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="45"/>
        <source>Error</source>
        <translation type="unfinished">កំហុស</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="134"/>
        <source>User added. They can sign in with the passphrase you gave them.</source>
        <translation type="unfinished">បានបន្ថែមអ្នកប្រើ។ គាត់អាចចូលប្រើដោយប្រើឃ្លាសម្ងាត់ដែលអ្នកបានផ្តល់ឱ្យ។</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="140"/>
        <source>Passphrase changed for %1.</source>
        <translation type="unfinished">បានប្តូរឃ្លាសម្ងាត់សម្រាប់ %1។</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="146"/>
        <source>Role changed for %1.</source>
        <translation type="unfinished">បានប្តូរតួនាទីសម្រាប់ %1។</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="156"/>
        <source>%1 is reinstated with the new passphrase.</source>
        <translation>%1 ត្រូវបានបើកឡើងវិញជាមួយឃ្លាសម្ងាត់ថ្មី។</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="162"/>
        <source>%1 is locked: their passphrase no longer opens the store.</source>
        <translation>%1 ត្រូវបានចាក់សោ៖ ឃ្លាសម្ងាត់របស់គាត់លែងបើកឃ្លាំងទិន្នន័យបានទៀតហើយ។</translation>
    </message>
    <message>
        <location filename="../views/supervisor/users.py" line="163"/>
        <source>%1 is unlocked.</source>
        <translation type="unfinished">%1 ត្រូវបានដោះសោ។</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../dialogs/corrections.py" line="166"/>
        <source>Void a record</source>
        <translation type="unfinished">ចាត់ទុកកំណត់ត្រាជាមោឃៈ</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="167"/>
        <source>Void</source>
        <translation type="unfinished">ចាត់ទុកជាមោឃៈ</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="170"/>
        <source>Record to void</source>
        <translation type="unfinished">កំណត់ត្រាដែលត្រូវចាត់ទុកជាមោឃៈ</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="173"/>
        <source>Voiding marks a record as entered in error. It is not deleted: it stays in the history with your reason.</source>
        <translation type="unfinished">ការចាត់ទុកជាមោឃៈ គឺសម្គាល់ថាកំណត់ត្រាត្រូវបានបញ្ចូលដោយច្រឡំ។ កំណត់ត្រាមិនត្រូវបានលុបទេ៖ វានៅតែមានក្នុងប្រវត្តិ រួមជាមួយមូលហេតុរបស់អ្នក។</translation>
    </message>
    <message>
        <location filename="../dialogs/corrections.py" line="178"/>
        <source>Record</source>
        <translation type="unfinished">កំណត់ត្រា</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../dialogs/withdraw.py" line="37"/>
        <source>Withdraw a consent</source>
        <translation>ដកការយល់ព្រមមួយវិញ</translation>
    </message>
    <message>
        <location filename="../dialogs/withdraw.py" line="38"/>
        <source>Withdraw</source>
        <translation>ដកវិញ</translation>
    </message>
    <message>
        <location filename="../dialogs/withdraw.py" line="41"/>
        <source>Consent to withdraw</source>
        <translation>ការយល់ព្រមដែលត្រូវដកវិញ</translation>
    </message>
    <message>
        <location filename="../dialogs/withdraw.py" line="44"/>
        <source>From now on the record is not shared, exported or printed for this purpose. The arrival itself stays on record.</source>
        <translation>ចាប់ពីពេលនេះតទៅ កំណត់ត្រានឹងមិនត្រូវបានចែករំលែក នាំចេញ ឬបោះពុម្ពសម្រាប់គោលបំណងនេះទៀតទេ។ ការមកដល់ខ្លួនវានៅតែត្រូវបានកត់ត្រាទុក។</translation>
    </message>
    <message>
        <location filename="../dialogs/withdraw.py" line="49"/>
        <source>Consent</source>
        <translation type="unfinished">ការយល់ព្រម</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <location filename="../widgets/fields.py" line="153"/>
        <source>&lt; Back</source>
        <translation type="unfinished">&lt; ថយក្រោយ</translation>
    </message>
    <message>
        <location filename="../widgets/fields.py" line="154"/>
        <source>Next &gt;</source>
        <translation type="unfinished">បន្ទាប់ &gt;</translation>
    </message>
    <message>
        <location filename="../widgets/fields.py" line="155"/>
        <source>Cancel</source>
        <translation type="unfinished">បោះបង់</translation>
    </message>
    <message>
        <location filename="../widgets/fields.py" line="156"/>
        <source>Finish</source>
        <translation type="unfinished">បញ្ចប់</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../widgets/fields.py" line="99"/>
        <source>Not known</source>
        <translation type="unfinished">មិនដឹង</translation>
    </message>
    <message>
        <location filename="../widgets/fields.py" line="100"/>
        <source>Yes</source>
        <translation type="unfinished">បាទ/ចាស</translation>
    </message>
    <message>
        <location filename="../widgets/fields.py" line="101"/>
        <source>No</source>
        <translation type="unfinished">ទេ</translation>
    </message>
</context>
</TS>
