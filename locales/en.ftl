# English messages for `treaty render` (docs/render.md). One message per sentence
# shape and per vocabulary word; a language is a copy of this file with the words
# changed. Optional pieces arrive with their own leading space: `{ $timing }` is
# " within 24 hours" or nothing. `$n` is 1 or 2 (singular or plural subject).

## Labels and headings

label-article = Article
label-parties = Parties
label-line = line
label-gap = Gap
label-source = Source
label-gaps = Gaps
label-source-file = Source file
title-signed = Signed on { $date }
title-proposed = Proposed on { $date }
heading-purpose = Purpose and Parties
heading-standing = Standing Commitments
heading-consultation = Consultation
heading-trigger = Response to { $event }
heading-forces = Forces and Deterrence
heading-institutions = Institutions
heading-duration = Duration
heading-review = Review
heading-withdrawal = Withdrawal
heading-entry-into-force = Entry into Force

## Values

list-separator = {", "}
list-and = { $init } and { $last }
list-or = { $init } or { $last }
quote = “{ $text }”
date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
period-hours = { $n ->
    [one] { $n } hour
   *[other] { $n } hours
    }
period-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
    }
period-weeks = { $n ->
    [one] { $n } week
   *[other] { $n } weeks
    }
period-months = { $n ->
    [one] { $n } month
   *[other] { $n } months
    }
period-years = { $n ->
    [one] { $n } year
   *[other] { $n } years
    }
thousands-separator = ,
decimal-separator = .
scale-thousand = thousand
scale-million = million
scale-billion = billion
amount = to the value of { $currency } { $number }{ $scale }{ $per }
amount-per = per { $unit }
size-one = { $low } { $unit }
size-range = { $low } to { $high } { $unit }

## Parties

case-to = to { $name }
case-of = of { $name }
case-in = in { $name }
ref-participants = the Participants
ref-each-members = each member
ref-each-guarantors = each guarantor
ref-each-beneficiaries = each beneficiary
ref-each-parties = each Party
ref-each-signatories = each signatory
ref-any-members = any member
ref-any-guarantors = any guarantor
ref-any-beneficiaries = any beneficiary
ref-any-parties = any Party
ref-any-signatories = any signatory
ref-all-members = all the members
ref-all-guarantors = all the guarantors
ref-all-beneficiaries = all the beneficiaries
ref-all-parties = all the Parties
ref-all-signatories = all the signatories
ref-attacked = the Party attacked
ref-class = any { $name }
ref-except = { $whole } except { $except }

# Full names that take an article. A name not listed here is written as the file has it.
name-russian-federation = the Russian Federation
name-united-kingdom = the United Kingdom
name-united-states-of-america = the United States of America
name-united-states = the United States
name-republic-of-azerbaijan = the Republic of Azerbaijan
name-federal-republic-of-germany = the Federal Republic of Germany
name-coalition-of-the-willing = the Coalition of the Willing
name-european-union = the European Union
name-republic-of-korea = the Republic of Korea
name-multinational-reassurance-force-contributors = the Multinational Reassurance Force contributors
name-netherlands = the Netherlands
name-north-atlantic-treaty-organization = the North Atlantic Treaty Organization
name-organization-for-security-and-co-operation-in-europe = the Organization for Security and Co-operation in Europe
name-islamic-republic-of-pakistan = the Islamic Republic of Pakistan
name-kingdom-of-saudi-arabia = the Kingdom of Saudi Arabia
name-signatories-of-the-ukraine-compact = the Signatories of the Ukraine Compact
name-philippines = the Philippines
name-republic-of-t-rkiye = the Republic of Türkiye
name-republic-of-china = the Republic of China
name-state-of-vietnam = the State of Vietnam

## Purpose and parties

purpose-form = This instrument is { $form }.
form-declaration = a declaration of support or intent, politically but not legally binding
form-joint-statement = a joint statement of the Participants, of a political nature
form-communique = a communiqué, of a political nature
form-memorandum = a memorandum of assurances or understanding
form-political = a political agreement, not legally binding
form-executive = an executive agreement concluded without the legislature, whose legal force is contested
form-statute = a domestic statute, binding at home but owed to no State abroad
form-treaty = an international treaty, legally binding once ratified
binding-yes = The Participants regard it as legally binding.
binding-no = It is not legally binding.
binding-contested = Whether it is legally binding is disputed.
party-roles = { $name } takes part as { $roles }.
party-adversary = { $name } is the State against which this instrument guards.
party-plain = { $name } is named in this instrument.
party-group = { $name } stands for { $members }, acting together as { $roles }.
role-guarantor = a guarantor
role-beneficiary = a beneficiary
role-member = a member
role-adversary = the State guarded against
role-observer = an observer
role-signatory = a signatory
role-mediator = a mediator
hedges = This instrument as a whole applies { $quals }.
reference-incorporate = The obligations and triggers of { $name } form part of this instrument.
reference-mirror = The obligations of { $name } apply under this instrument, its guarantors giving what the members of that instrument owe one another and its beneficiaries receiving it.
in-addition-to = This instrument is in addition to { $what }.
foresees = The Participants undertake to conclude { $form }{ $ratification }.
foresees-form-declaration = a declaration
foresees-form-joint-statement = a joint statement
foresees-form-communique = a communiqué
foresees-form-memorandum = a memorandum
foresees-form-political = a political agreement
foresees-form-executive = an executive agreement
foresees-form-statute = a statute
foresees-form-treaty = a treaty
foresees-ratification-required = subject to ratification
foresees-ratification-completed = that has been ratified
foresees-ratification-none = that needs no ratification

## Qualifiers: the words each stands for

q-separator = {", "}
q-with-wording = { $phrase } ({ $wording })
q-as-deemed-necessary = { $n ->
    [one] as it deems necessary
   *[other] as they deem necessary
    }
q-constitutional-processes = { $n ->
    [one] in accordance with its constitutional processes
   *[other] in accordance with their respective constitutional processes
    }
q-legal-requirements = { $n ->
    [one] in accordance with its legal requirements
   *[other] in accordance with their respective legal requirements
    }
q-subject-to-funding = subject to the availability of funds
q-conditional-on = subject to a condition
q-conditional-on-reforms = conditional on reforms by the beneficiary
q-aspirational = as an aim rather than a binding commitment
q-at-request = at the request of the Party concerned
q-where-possible = where possible
q-reserve-right = as a right rather than an obligation
q-unanimity = by unanimous agreement of the guarantors
q-neutrality-carveout = without prejudice to the neutral security policy of certain Participants
q-armed-force-opt-out = without any obligation to use armed force
q-in-practice = as established in practice

## Obligations

modal-shall = shall
modal-may = may
modal-intend = { $n ->
    [one] intends to
   *[other] intend to
    }
deadline-forthwith = forthwith
deadline-immediately = immediately
deadline-after-consultation = after consultation
deadline-within = within { $period }
piece-from-date = from { $date }
piece-until-date = until { $date }
piece-on-date = on { $date }
piece-means = with { $means }
piece-means-menu = with means that may include { $means }
piece-size = numbering { $size }
piece-tripwire = , as a tripwire force
piece-permanent = , on a permanent basis
piece-against = against { $whom }
piece-for = for { $whom }
piece-by = by { $who }
piece-named = , named { $name }
piece-forces-of = , as regards the forces { $whose }
piece-automatically = automatically
piece-on-event = upon { $event }
piece-every = for further periods of { $period }
piece-not-before = , but not before it has been in force for { $period }

ob-consult = { $givers } { $modal } consult{ $with }{ $timing }{ $quals }.
ob-provide = { $givers } { $modal } provide { $what }{ $to }{ $amount }{ $from }{ $until }{ $quals }.
ob-assist = { $givers } { $modal } assist{ $whom }{ $means }{ $timing }{ $quals }.
ob-defend = { $givers } { $modal } defend{ $whom }{ $means }{ $timing }{ $quals }.
ob-act = { $givers } { $modal } act to meet the common danger{ $for }{ $means }{ $timing }{ $quals }.
ob-station = { $givers } { $modal } station forces { $place }{ $size }{ $flags }{ $quals }.
ob-deter = { $givers } { $modal } provide { $means }{ $to }{ $quals }.
ob-peacekeeping = { $givers } { $modal } deploy a peacekeeping mission{ $place }{ $size }, with a mandate to { $mandate }{ $quals }.
ob-monitor = { $givers } { $modal } deploy a monitoring mission{ $place }{ $size }, with a mandate to { $mandate }{ $quals }.
ob-refrain = { $givers } { $modal } refrain from { $acts }{ $against }{ $quals }.
ob-respect = { $givers } { $modal } respect the { $aspects }{ $of }{ $quals }.
ob-seek = { $givers } { $modal } seek { $what } by { $body }{ $for }{ $timing }{ $quals }.
ob-report = { $givers } { $modal } report to { $body }{ $timing }{ $quals }.
ob-report-passive = the measures taken under this instrument shall be reported to { $body }{ $timing }{ $quals }.
ob-establish = { $givers } { $modal } establish { $institution }{ $name }{ $quals }.
ob-prohibit = the following are prohibited{ $in }{ $of }: { $what }{ $quals }.
ob-indivisible-attack-on-all = { $givers } { $modal } consider an armed attack against one or more of them an attack against them all{ $quals }.
ob-indivisible-threat-to-community = { $givers } { $modal } consider an armed attack against one of them a threat to the peace and security of them all{ $quals }.
ob-indivisible-common-danger = { $givers } { $modal } recognise that an armed attack against one of them would be dangerous to the peace and safety of each{ $quals }.
ob-reinstate = the following measures{ $against } shall be reinstated{ $automatically }{ $on }{ $by }: { $measures }{ $quals }.
ob-limit = { $givers } { $modal } accept the following limits: { $limits }{ $quals }.
by-reference = This provision is taken by reference from { $name }.
applies-from-date = This provision applies from { $date }.
applies-from-event = This provision applies from { $event }.
decision = The decision on the response rests with { $by }{ $vote }{ $consultation }.
decision-after-consultation = after consultation
decision-after-consultation-with = after consultation with { $with }
vote-unanimity = by unanimity
vote-consensus = by consensus
vote-two-thirds = by a two-thirds majority
vote-majority = by a majority
body-un-security-council = the United Nations Security Council

assistance-with-details = { $kind } (including { $details })
assistance-military-aid = military aid
assistance-security-assistance = security assistance
assistance-military-equipment = modern military equipment
assistance-weapons = weapons
assistance-ammunition = ammunition
assistance-air-defence = air and missile defence
assistance-artillery = artillery
assistance-long-range-fires = long-range strike capabilities
assistance-armoured-vehicles = armoured vehicles
assistance-combat-air = combat aircraft
assistance-maritime-security = naval and maritime capabilities
assistance-training = training of armed forces
assistance-intelligence = intelligence sharing
assistance-cyber-defence = cyber defence and resilience
assistance-hybrid-defence = support against hybrid threats
assistance-defence-industrial = defence-industrial cooperation and joint production
assistance-logistics = logistics and enablers
assistance-demining = demining
assistance-advisory = advisers and institutional support for the armed forces
assistance-mutual-aid = continuous self-help and mutual aid
assistance-economic-assistance = economic assistance
assistance-financial-aid = budget and financial support
assistance-humanitarian-aid = humanitarian aid
assistance-energy-security = support for energy security
assistance-reconstruction = post-war reconstruction
assistance-sanctions = sanctions against the aggressor
assistance-political-support = diplomatic and political support
assistance-membership-support = support for membership of the European Union or NATO

means-armed-force = armed force
means-all-means = all the military and other aid and assistance in their power
means-necessary-action = such action as they deem necessary
means-military-assistance = military assistance
means-military-equipment = weapons and equipment
means-closing-airspace = the closing of the airspace
means-economic-assistance = economic assistance
means-political-support = diplomatic and political support
means-military-capabilities = military capabilities placed at the disposal of the Party assisted
means-intelligence = intelligence
means-logistics = logistics and enablers
means-sanctions = sanctions against the aggressor
means-diplomatic = diplomatic action

deterrent-nuclear-forces = extended nuclear deterrence
deterrent-conventional-forces = conventional deterrence
mandate-monitor = observe and report
mandate-enforce = enforce the settlement, with the capacity to use force

refrain-threat-or-use-of-force = the threat or use of force
refrain-economic-coercion = economic coercion
refrain-nuclear-use = the use of nuclear weapons
refrain-aggression = aggression
refrain-interference = interference in internal affairs

respect-independence = independence
respect-sovereignty = sovereignty
respect-borders = existing borders
respect-territorial-integrity = territorial integrity

institution-council = a standing council of the Participants
institution-defence-committee = a defence committee
institution-integrated-command = an integrated military command
institution-consultative-group = a standing consultative group
institution-contact-group = a contact group
institution-secretariat = a secretariat

prohibited-stationing = the stationing of foreign troops
prohibited-foreign-bases = foreign military bases
prohibited-nuclear-weapons = nuclear weapons
prohibited-alliance-membership = membership of a military alliance
prohibited-exercises = military exercises with foreign forces
prohibited-long-range-weapons = long-range weapons

limit-armed-forces = { $sized ->
    [yes] a ceiling of { $size } on its armed forces
   *[other] a ceiling on its armed forces
    }
limit-non-nuclear = non-nuclear status
limit-neutrality = neutrality
limit-no-alliance = no membership of a military alliance
limit-no-foreign-troops = no foreign troops on its territory
limit-demilitarised-zone = a demilitarised zone{ $place }
limit-long-range-weapons = no long-range weapons

unit-troops = troops
unit-personnel = personnel
unit-year = year
unit-month = month

## Triggers

in-the-event = In the event of { $event }, { $clause }
in-that-event = In that event, { $clause }
trigger-no-response = This Article concerns { $event }; it states no response.
trigger-qualified = The response under this Article is given { $quals }.
kind-armed-attack = an armed attack
kind-aggression = aggression
kind-military-operation = a military operation
kind-threat-of-armed-attack = a threat of armed attack
kind-threat = a threat
kind-ceasefire-violation = a violation of the ceasefire
kind-hybrid-attack = a hybrid attack
kind-cyber-attack = a cyber attack
kind-nuclear-attack = an aggression in which nuclear weapons are used
kind-nuclear-threat = a threat of aggression with nuclear weapons
kind-situation = a situation that raises a question about the commitments
kind-threat-to = a threat to the { $aspects }{ $of }
aspect-territorial-integrity = territorial integrity
aspect-political-independence = political independence
aspect-security = security
aspect-sovereignty = sovereignty
scope-in = This Article applies to an attack in { $areas }.
scope-covering = It covers an attack on the { $objects } of a Party.
scope-excluding = An attack in { $areas } does not count.
scope-across = Only an attack across { $line } counts.
scope-of = The area this Article covers is that of { $name }.
area-territory = the territory { $of }
area-administered = the territory administered by { $by }
area-scope-of = the area covered by { $name }
covered-territory = territory
covered-forces = armed forces
covered-vessels = vessels
covered-aircraft = aircraft
line-ceasefire-line = the ceasefire line
line-contact-line = the line of contact
line-armistice-line = the armistice line
threshold = An attack counts only if it is { $words }.
threshold-significant = significant
threshold-deliberate = deliberate
threshold-sustained = sustained
threshold-large-scale = on a large scale
threshold-state-of-war = such as to put the Party attacked in a state of war
threshold-unprovoked = unprovoked

## Events and conditions

event-other = the event { $name }
event-parties = concerning { $parties }
event-nato-accession = the accession { $parties-of } to NATO
event-eu-accession = the accession { $parties-of } to the European Union
event-ceasefire-in-force = the entry into force of a ceasefire
event-ceasefire-violation = a violation of the ceasefire by { $parties }
event-ceasefire-collapse = the collapse of the ceasefire
condition-attributes = ({ $words })
attribute-significant = significant
attribute-deliberate = deliberate
attribute-sustained = sustained
attribute-large-scale = on a large scale
attribute-state-of-war = amounting to a state of war
attribute-unprovoked = unprovoked
attribute-minor = minor
attribute-accidental = accidental
attribute-isolated = isolated
attribute-limited = limited
attribute-short-of-war = short of war
attribute-provoked = provoked

## Duration, review, withdrawal, entry into force

duration-indefinite = This instrument is of unlimited duration.
duration-not-stated = This instrument does not state how long it remains in force.
duration-fixed = This instrument shall remain in force for { $period }.
duration-until = This instrument shall remain in force until { $event }.
renewal-automatic = It shall be renewed automatically{ $every } unless a Participant objects.
renewal-by-agreement = It may be extended by agreement of the Participants{ $every }.
void-if = This instrument shall cease to apply in the event of { $condition }.
suspension = The obligations { $givers } towards { $receivers } are suspended from { $from }{ $until }.
terminated-on = This instrument was terminated on { $date }.
review-within = The Participants shall review this instrument within { $period }.
review-after = The Participants shall review this instrument after { $period }.
review-every = The Participants shall review this instrument every { $period }.
review-on = The Participants shall review this instrument upon { $event }.
withdrawal-notice = A Participant may withdraw from this instrument by giving notice of { $notice }{ $not-before }.
withdrawal-any-time = A Participant may withdraw from this instrument at any time.
withdrawal-none = No Participant may withdraw from this instrument.
proposed-on = This draft was proposed on { $date }.
signed-on = This instrument was signed on { $date }.
effective-on = It entered into force on { $date }.
ratification-required = It is subject to ratification{ $date }.
ratification-completed = Its ratification was completed{ $date }.
ratification-none = It is not subject to ratification{ $date }.
activation = Its guarantees apply only once { $event } has occurred.
status-draft = It is a draft that has not been concluded.
status-signed = It has been signed but is not yet in force.
status-ratified = It has been ratified.
status-in-force = It is in force.
status-lapsed = It is no longer in effect.
