# Messages français pour `treaty render` (docs/render.md). Mêmes identifiants que
# locales/en.ftl. Un nom de Partie peut donner ses formes après « à », « de » et « en »
# (attributs .to, .of, .in) et son nombre (.number = plural) ; sinon les motifs
# case-to, case-of et case-in s'appliquent.

## Labels and headings

label-article = Article
label-parties = Parties
label-line = ligne
label-gap = Lacune
label-source = Source
label-gaps = Lacunes
label-source-file = Fichier source
title-signed = Signé le { $date }
title-proposed = Proposé le { $date }
heading-purpose = Objet et Parties
heading-standing = Engagements permanents
heading-consultation = Consultation
heading-trigger = Réponse à { $event }
heading-forces = Forces et dissuasion
heading-institutions = Institutions
heading-duration = Durée
heading-review = Réexamen
heading-withdrawal = Retrait
heading-entry-into-force = Entrée en vigueur

## Values

list-separator = {", "}
list-and = { $init } et { $last }
list-or = { $init } ou { $last }
quote = « { $text } »
date = { $day ->
    [1] 1er
   *[other] { $day }
    } { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
period-hours = { $n ->
    [one] { $n } heure
   *[other] { $n } heures
    }
period-days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
    }
period-weeks = { $n ->
    [one] { $n } semaine
   *[other] { $n } semaines
    }
period-months = { $n } mois
period-years = { $n ->
    [one] { $n } an
   *[other] { $n } ans
    }
thousands-separator = { "\u202F" }
decimal-separator = ,
scale-thousand = mille
scale-million = millions
scale-billion = milliards
amount = pour un montant de { $currency } { $number }{ $scale }{ $per }
amount-per = par { $unit }
size-one = { $low } { $unit }
size-range = de { $low } à { $high } { $unit }

## Parties

case-to = à { $name }
case-of = de { $name }
case-in = dans { $name }
ref-participants = les Participants
    .to = aux Participants
    .of = des Participants
    .in = chez les Participants
ref-each-members = chaque membre
ref-each-guarantors = chaque garant
ref-each-beneficiaries = chaque bénéficiaire
ref-each-parties = chaque Partie
ref-each-signatories = chaque signataire
ref-any-members = tout membre
ref-any-guarantors = tout garant
ref-any-beneficiaries = tout bénéficiaire
ref-any-parties = toute Partie
ref-any-signatories = tout signataire
ref-all-members = tous les membres
ref-all-guarantors = tous les garants
ref-all-beneficiaries = tous les bénéficiaires
ref-all-parties = toutes les Parties
ref-all-signatories = tous les signataires
ref-attacked = la Partie attaquée
ref-class = toute puissance de la catégorie { $name }
ref-except = { $whole }, hormis { $except }

# Les noms des Parties en français, avec leurs formes après « à », « de » et « en ».
name-russian-federation = la Fédération de Russie
    .in = en Fédération de Russie
name-ukraine = l'Ukraine
    .in = en Ukraine
name-united-kingdom = le Royaume-Uni
    .to = au Royaume-Uni
    .of = du Royaume-Uni
    .in = au Royaume-Uni
name-united-states-of-america = les États-Unis d'Amérique
    .to = aux États-Unis d'Amérique
    .of = des États-Unis d'Amérique
    .in = aux États-Unis d'Amérique
    .number = plural
name-united-states = les États-Unis
    .to = aux États-Unis
    .of = des États-Unis
    .in = aux États-Unis
    .number = plural
name-france = la France
    .in = en France
name-germany = l'Allemagne
    .in = en Allemagne
name-federal-republic-of-germany = la République fédérale d'Allemagne
    .in = en République fédérale d'Allemagne
name-australia = l'Australie
    .in = en Australie
name-new-zealand = la Nouvelle-Zélande
    .in = en Nouvelle-Zélande
name-republic-of-azerbaijan = la République d'Azerbaïdjan
    .in = en République d'Azerbaïdjan
name-belgium = la Belgique
    .in = en Belgique
name-canada = le Canada
    .to = au Canada
    .of = du Canada
    .in = au Canada
name-china = la Chine
    .in = en Chine
name-coalition-of-the-willing = la Coalition des volontaires
name-denmark = le Danemark
    .to = au Danemark
    .of = du Danemark
    .in = au Danemark
name-spain = l'Espagne
    .in = en Espagne
name-european-union = l'Union européenne
name-greece = la Grèce
    .in = en Grèce
name-israel = Israël
    .of = d'Israël
    .in = en Israël
name-iceland = l'Islande
    .in = en Islande
name-italy = l'Italie
    .in = en Italie
name-japan = le Japon
    .to = au Japon
    .of = du Japon
    .in = au Japon
name-cambodia = le Cambodge
    .to = au Cambodge
    .of = du Cambodge
    .in = au Cambodge
name-republic-of-korea = la République de Corée
    .in = en République de Corée
name-laos = le Laos
    .to = au Laos
    .of = du Laos
    .in = au Laos
name-luxembourg = le Luxembourg
    .to = au Luxembourg
    .of = du Luxembourg
    .in = au Luxembourg
name-multinational-reassurance-force-contributors = les contributeurs à la Force multinationale de réassurance
    .to = aux contributeurs à la Force multinationale de réassurance
    .of = des contributeurs à la Force multinationale de réassurance
    .number = plural
name-netherlands = les Pays-Bas
    .to = aux Pays-Bas
    .of = des Pays-Bas
    .in = aux Pays-Bas
    .number = plural
name-norway = la Norvège
    .in = en Norvège
name-north-atlantic-treaty-organization = l'Organisation du traité de l'Atlantique Nord
name-organization-for-security-and-co-operation-in-europe = l'Organisation pour la sécurité et la coopération en Europe
name-philippines = les Philippines
    .to = aux Philippines
    .of = des Philippines
    .in = aux Philippines
    .number = plural
name-islamic-republic-of-pakistan = la République islamique du Pakistan
    .in = en République islamique du Pakistan
name-pakistan = le Pakistan
    .to = au Pakistan
    .of = du Pakistan
    .in = au Pakistan
name-poland = la Pologne
    .in = en Pologne
name-portugal = le Portugal
    .to = au Portugal
    .of = du Portugal
    .in = au Portugal
name-kingdom-of-saudi-arabia = le Royaume d'Arabie saoudite
    .to = au Royaume d'Arabie saoudite
    .of = du Royaume d'Arabie saoudite
    .in = au Royaume d'Arabie saoudite
name-signatories-of-the-ukraine-compact = les signataires du Pacte pour l'Ukraine
    .to = aux signataires du Pacte pour l'Ukraine
    .of = des signataires du Pacte pour l'Ukraine
    .number = plural
name-thailand = la Thaïlande
    .in = en Thaïlande
name-republic-of-t-rkiye = la République de Türkiye
    .in = en République de Türkiye
name-turkey = la Turquie
    .in = en Turquie
name-republic-of-china = la République de Chine
    .in = en République de Chine
name-taiwan = Taïwan
    .of = de Taïwan
    .in = à Taïwan
name-state-of-vietnam = l'État du Viêt Nam
    .in = dans l'État du Viêt Nam

## Purpose and parties

purpose-form = Le présent instrument est { $form }.
form-declaration = une déclaration de soutien ou d'intention, politiquement mais non juridiquement contraignante
form-joint-statement = une déclaration commune des Participants, de nature politique
form-communique = un communiqué, de nature politique
form-memorandum = un mémorandum d'assurances ou d'entente
form-political = un accord politique, non juridiquement contraignant
form-executive = un accord exécutif conclu sans le pouvoir législatif, dont la force juridique est contestée
form-statute = une loi nationale, contraignante sur le plan interne mais qui n'engage envers aucun État étranger
form-treaty = un traité international, juridiquement contraignant une fois ratifié
binding-yes = Les Participants le considèrent comme juridiquement contraignant.
binding-no = Il n'est pas juridiquement contraignant.
binding-contested = Son caractère juridiquement contraignant est contesté.
party-roles = { $name } { $n ->
    [one] y participe
   *[other] y participent
    } en qualité { $roles }.
party-adversary = { $name } est l'État contre lequel le présent instrument est dirigé.
party-plain = Le présent instrument mentionne { $name }.
party-group = { $name } { $n ->
    [one] représente
   *[other] représentent
    } { $members }, agissant ensemble en qualité { $roles }.
role-guarantor = de garant
role-beneficiary = de bénéficiaire
role-member = de membre
role-adversary = d'État contre lequel l'instrument est dirigé
role-observer = d'observateur
role-signatory = de signataire
role-mediator = de médiateur
hedges = Le présent instrument dans son ensemble s'applique { $quals }.
reference-incorporate = Les obligations et les déclencheurs de { $name } font partie du présent instrument.
reference-mirror = Les obligations de { $name } s'appliquent au titre du présent instrument, ses garants fournissant ce que les membres de cet instrument se doivent mutuellement et ses bénéficiaires le recevant.
in-addition-to = Le présent instrument s'ajoute à { $what }.
foresees = Les Participants s'engagent à conclure { $form }{ $ratification }.
foresees-form-declaration = une déclaration
foresees-form-joint-statement = une déclaration commune
foresees-form-communique = un communiqué
foresees-form-memorandum = un mémorandum
foresees-form-political = un accord politique
foresees-form-executive = un accord exécutif
foresees-form-statute = une loi
foresees-form-treaty = un traité
foresees-ratification-required = sous réserve de ratification
foresees-ratification-completed = qui a été ratifié
foresees-ratification-none = sans ratification

## Qualifiers: the words each stands for

q-separator = {", "}
q-with-wording = { $phrase } ({ $wording })
q-as-deemed-necessary = selon ce qui est jugé nécessaire
q-constitutional-processes = { $n ->
    [one] conformément à ses procédures constitutionnelles
   *[other] conformément à leurs procédures constitutionnelles respectives
    }
q-legal-requirements = { $n ->
    [one] conformément à ses exigences juridiques
   *[other] conformément à leurs exigences juridiques respectives
    }
q-subject-to-funding = sous réserve de la disponibilité des fonds
q-conditional-on = sous réserve d'une condition
q-conditional-on-reforms = sous réserve de réformes menées par le bénéficiaire
q-aspirational = à titre d'objectif et non d'engagement contraignant
q-at-request = à la demande de la Partie concernée
q-where-possible = dans la mesure du possible
q-reserve-right = à titre de droit et non d'obligation
q-unanimity = avec l'accord unanime des garants
q-neutrality-carveout = sans préjudice de la politique de sécurité neutre de certains Participants
q-armed-force-opt-out = sans obligation de recourir à la force armée
q-in-practice = tel qu'établi dans la pratique

## Obligations

modal-shall = { $n ->
    [one] s'engage à
   *[other] s'engagent à
    }
modal-may = { $n ->
    [one] peut
   *[other] peuvent
    }
modal-intend = { $n ->
    [one] entend
   *[other] entendent
    }
deadline-forthwith = sans délai
deadline-immediately = immédiatement
deadline-after-consultation = après consultation
deadline-within = dans un délai de { $period }
piece-from-date = à compter du { $date }
piece-until-date = jusqu'au { $date }
piece-on-date = le { $date }
piece-means = par { $means }
piece-means-menu = par des moyens pouvant comprendre { $means }
piece-size = comptant { $size }
piece-tripwire = , en tant que force de dissuasion avancée
piece-permanent = , à titre permanent
piece-against = contre { $whom }
piece-for = pour { $whom }
piece-by = par { $who }
piece-named = , sous le nom de { $name }
piece-forces-of = , s'agissant des forces { $whose }
piece-automatically = automatiquement
piece-on-event = dès { $event }
piece-every = pour de nouvelles périodes de { $period }
piece-not-before = , mais pas avant qu'il soit en vigueur depuis { $period }

ob-consult = { $givers } { $modal } se consulter{ $with }{ $timing }{ $quals }.
ob-provide = { $givers } { $modal } fournir { $what }{ $to }{ $amount }{ $from }{ $until }{ $quals }.
ob-assist = { $givers } { $modal } assister{ $whom }{ $means }{ $timing }{ $quals }.
ob-defend = { $givers } { $modal } défendre{ $whom }{ $means }{ $timing }{ $quals }.
ob-act = { $givers } { $modal } agir pour faire face au danger commun{ $for }{ $means }{ $timing }{ $quals }.
ob-station = { $givers } { $modal } stationner des forces { $place }{ $size }{ $flags }{ $quals }.
ob-deter = { $givers } { $modal } assurer { $means }{ $to }{ $quals }.
ob-peacekeeping = { $givers } { $modal } déployer une mission de maintien de la paix{ $place }{ $size }, avec pour mandat de { $mandate }{ $quals }.
ob-monitor = { $givers } { $modal } déployer une mission de surveillance{ $place }{ $size }, avec pour mandat de { $mandate }{ $quals }.
ob-refrain = { $givers } { $modal } s'abstenir { $acts }{ $against }{ $quals }.
ob-respect = { $givers } { $modal } respecter { $aspects }{ $of }{ $quals }.
ob-seek = { $givers } { $modal } demander { $what } { $body-to }{ $for }{ $timing }{ $quals }.
ob-report = { $givers } { $modal } faire rapport { $body-to }{ $timing }{ $quals }.
ob-report-passive = les mesures prises en application du présent instrument sont signalées { $body-to }{ $timing }{ $quals }.
ob-establish = { $givers } { $modal } établir { $institution }{ $name }{ $quals }.
ob-prohibit = sont interdits{ $in }{ $of } : { $what }{ $quals }.
ob-indivisible-attack-on-all = { $givers } { $modal } considérer une attaque armée contre l'un ou plusieurs d'entre eux comme une attaque dirigée contre tous{ $quals }.
ob-indivisible-threat-to-community = { $givers } { $modal } considérer une attaque armée contre l'un d'entre eux comme une menace pour la paix et la sécurité de tous{ $quals }.
ob-indivisible-common-danger = { $givers } { $modal } reconnaître qu'une attaque armée contre l'un d'entre eux mettrait en danger la paix et la sécurité de chacun{ $quals }.
ob-reinstate = les mesures suivantes{ $against } sont rétablies{ $automatically }{ $on }{ $by } : { $measures }{ $quals }.
ob-limit = { $givers } { $modal } accepter les limites suivantes : { $limits }{ $quals }.
by-reference = Cette disposition est reprise par renvoi à { $name }.
applies-from-date = Cette disposition s'applique à compter du { $date }.
applies-from-event = Cette disposition s'applique à compter de { $event }.
decision = La décision sur la réponse est prise par { $by }{ $vote }{ $consultation }.
decision-after-consultation = après consultation
decision-after-consultation-with = après consultation avec { $with }
vote-unanimity = à l'unanimité
vote-consensus = par consensus
vote-two-thirds = à la majorité des deux tiers
vote-majority = à la majorité
body-un-security-council = le Conseil de sécurité des Nations unies
    .to = au Conseil de sécurité des Nations unies
    .of = du Conseil de sécurité des Nations unies

assistance-with-details = { $kind } (notamment { $details })
assistance-military-aid = une aide militaire
assistance-security-assistance = une assistance de sécurité
assistance-military-equipment = des équipements militaires modernes
assistance-weapons = des armes
assistance-ammunition = des munitions
assistance-air-defence = des moyens de défense aérienne et antimissile
assistance-artillery = de l'artillerie
assistance-long-range-fires = des capacités de frappe à longue portée
assistance-armoured-vehicles = des véhicules blindés
assistance-combat-air = des avions de combat
assistance-maritime-security = des capacités navales et maritimes
assistance-training = la formation des forces armées
assistance-intelligence = le partage de renseignements
assistance-cyber-defence = des moyens de cyberdéfense et de résilience
assistance-hybrid-defence = un soutien contre les menaces hybrides
assistance-defence-industrial = une coopération industrielle de défense et une production conjointe
assistance-logistics = une logistique et des moyens d'appui
assistance-demining = le déminage
assistance-advisory = des conseillers et un soutien institutionnel aux forces armées
assistance-mutual-aid = un effort propre et une entraide continus
assistance-economic-assistance = une assistance économique
assistance-financial-aid = un soutien budgétaire et financier
assistance-humanitarian-aid = une aide humanitaire
assistance-energy-security = un soutien à la sécurité énergétique
assistance-reconstruction = la reconstruction d'après-guerre
assistance-sanctions = des sanctions contre l'agresseur
assistance-political-support = un soutien diplomatique et politique
assistance-membership-support = un soutien à l'adhésion à l'Union européenne ou à l'OTAN

means-armed-force = la force armée
means-all-means = toute l'aide militaire et autre en leur pouvoir
means-necessary-action = les mesures jugées nécessaires
means-military-assistance = une assistance militaire
means-military-equipment = des armes et des équipements
means-closing-airspace = la fermeture de l'espace aérien
means-economic-assistance = une assistance économique
means-political-support = un soutien diplomatique et politique
means-military-capabilities = des capacités militaires mises à la disposition de la Partie assistée
means-intelligence = le renseignement
means-logistics = la logistique et les moyens d'appui
means-sanctions = des sanctions contre l'agresseur
means-diplomatic = une action diplomatique

deterrent-nuclear-forces = une dissuasion nucléaire élargie
deterrent-conventional-forces = une dissuasion conventionnelle
mandate-monitor = observer et rendre compte
mandate-enforce = faire appliquer le règlement, avec la capacité de recourir à la force

refrain-threat-or-use-of-force = de la menace ou de l'emploi de la force
refrain-economic-coercion = de toute coercition économique
refrain-nuclear-use = de l'emploi d'armes nucléaires
refrain-aggression = de toute agression
refrain-interference = de toute ingérence dans les affaires intérieures

respect-independence = l'indépendance
respect-sovereignty = la souveraineté
respect-borders = les frontières existantes
respect-territorial-integrity = l'intégrité territoriale

institution-council = un conseil permanent des Participants
institution-defence-committee = un comité de défense
institution-integrated-command = un commandement militaire intégré
institution-consultative-group = un groupe consultatif permanent
institution-contact-group = un groupe de contact
institution-secretariat = un secrétariat

prohibited-stationing = le stationnement de troupes étrangères
prohibited-foreign-bases = les bases militaires étrangères
prohibited-nuclear-weapons = les armes nucléaires
prohibited-alliance-membership = l'adhésion à une alliance militaire
prohibited-exercises = les exercices militaires avec des forces étrangères
prohibited-long-range-weapons = les armes à longue portée

limit-armed-forces = { $sized ->
    [yes] un plafond de { $size } pour ses forces armées
   *[other] un plafond pour ses forces armées
    }
limit-non-nuclear = le statut non nucléaire
limit-neutrality = la neutralité
limit-no-alliance = l'absence d'adhésion à une alliance militaire
limit-no-foreign-troops = l'absence de troupes étrangères sur son territoire
limit-demilitarised-zone = une zone démilitarisée{ $place }
limit-long-range-weapons = l'absence d'armes à longue portée

unit-troops = soldats
unit-personnel = personnels
unit-year = an
unit-month = mois

## Triggers

in-the-event = En cas { $event }, { $clause }
in-that-event = Dans ce cas, { $clause }
trigger-no-response = Le présent article vise le cas { $event } ; il ne prévoit aucune réponse.
trigger-qualified = La réponse prévue au présent article est donnée { $quals }.
kind-armed-attack = une attaque armée
    .event = d'attaque armée
kind-aggression = une agression
    .event = d'agression
kind-military-operation = une opération militaire
    .event = d'opération militaire
kind-threat-of-armed-attack = une menace d'attaque armée
    .event = de menace d'attaque armée
kind-threat = une menace
    .event = de menace
kind-ceasefire-violation = une violation du cessez-le-feu
    .event = de violation du cessez-le-feu
kind-hybrid-attack = une attaque hybride
    .event = d'attaque hybride
kind-cyber-attack = une cyberattaque
    .event = de cyberattaque
kind-nuclear-attack = une agression impliquant l'emploi d'armes nucléaires
    .event = d'agression impliquant l'emploi d'armes nucléaires
kind-nuclear-threat = une menace d'agression au moyen d'armes nucléaires
    .event = de menace d'agression au moyen d'armes nucléaires
kind-situation = une situation qui soulève une question quant aux engagements
    .event = de situation soulevant une question quant aux engagements
kind-threat-to = une menace contre { $aspects }{ $of }
    .event = de menace contre { $aspects }{ $of }
aspect-territorial-integrity = l'intégrité territoriale
aspect-political-independence = l'indépendance politique
aspect-security = la sécurité
aspect-sovereignty = la souveraineté
scope-in = Le présent article s'applique à une attaque survenant dans : { $areas }.
scope-covering = Il couvre une attaque contre { $objects } d'une Partie.
scope-excluding = Une attaque survenant dans { $areas } n'est pas prise en compte.
scope-across = Seule compte une attaque qui franchit { $line }.
scope-of = La zone couverte par le présent article est celle de { $name }.
area-territory = le territoire { $of }
area-administered = le territoire administré par { $by }
area-scope-of = la zone couverte par { $name }
covered-territory = le territoire
covered-forces = les forces armées
covered-vessels = les navires
covered-aircraft = les aéronefs
line-ceasefire-line = la ligne de cessez-le-feu
line-contact-line = la ligne de contact
line-armistice-line = la ligne d'armistice
threshold = Une attaque n'est prise en compte que si elle est { $words }.
threshold-significant = importante
threshold-deliberate = délibérée
threshold-sustained = durable
threshold-large-scale = de grande ampleur
threshold-state-of-war = de nature à placer la Partie attaquée en état de guerre
threshold-unprovoked = non provoquée

## Events and conditions

event-other = l'événement { $name }
event-parties = concernant { $parties }
event-nato-accession = l'adhésion { $parties-of } à l'OTAN
event-eu-accession = l'adhésion { $parties-of } à l'Union européenne
event-ceasefire-in-force = l'entrée en vigueur d'un cessez-le-feu
event-ceasefire-violation = une violation du cessez-le-feu par { $parties }
event-ceasefire-collapse = l'effondrement du cessez-le-feu
condition-attributes = ({ $words })
attribute-significant = importante
attribute-deliberate = délibérée
attribute-sustained = durable
attribute-large-scale = de grande ampleur
attribute-state-of-war = équivalant à un état de guerre
attribute-unprovoked = non provoquée
attribute-minor = mineure
attribute-accidental = accidentelle
attribute-isolated = isolée
attribute-limited = limitée
attribute-short-of-war = en deçà de la guerre
attribute-provoked = provoquée

## Duration, review, withdrawal, entry into force

duration-indefinite = Le présent instrument est conclu pour une durée illimitée.
duration-not-stated = Le présent instrument ne précise pas sa durée.
duration-fixed = Le présent instrument reste en vigueur pendant { $period }.
duration-until = Le présent instrument reste en vigueur jusqu'à { $event }.
renewal-automatic = Il est renouvelé automatiquement{ $every }, sauf objection d'un Participant.
renewal-by-agreement = Il peut être prorogé d'un commun accord des Participants{ $every }.
void-if = Le présent instrument cesse de s'appliquer si survient { $condition }.
suspension = Les obligations { $givers } envers { $receivers } sont suspendues à compter du { $from }{ $until }.
terminated-on = Le présent instrument a pris fin le { $date }.
review-within = Les Participants réexaminent le présent instrument dans un délai de { $period }.
review-after = Les Participants réexaminent le présent instrument à l'issue de { $period }.
review-every = Les Participants réexaminent le présent instrument tous les { $period }.
review-on = Les Participants réexaminent le présent instrument lors de { $event }.
withdrawal-notice = Tout Participant peut se retirer du présent instrument moyennant un préavis de { $notice }{ $not-before }.
withdrawal-any-time = Tout Participant peut se retirer du présent instrument à tout moment.
withdrawal-none = Aucun Participant ne peut se retirer du présent instrument.
proposed-on = Le présent projet a été proposé le { $date }.
signed-on = Le présent instrument a été signé le { $date }.
effective-on = Il est entré en vigueur le { $date }.
ratification-required = Il est soumis à ratification{ $date }.
ratification-completed = Sa ratification a été achevée{ $date }.
ratification-none = Il n'est pas soumis à ratification{ $date }.
activation = Ses garanties ne s'appliquent qu'une fois survenu l'événement suivant : { $event }.
status-draft = Il s'agit d'un projet qui n'a pas été conclu.
status-signed = Il a été signé mais n'est pas encore en vigueur.
status-ratified = Il a été ratifié.
status-in-force = Il est en vigueur.
status-lapsed = Il n'est plus en vigueur.
