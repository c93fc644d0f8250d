"""About 150 demo NGOs in eight municipalities, the seed documents' examples among them.

`build()` describes them deterministically (a fixed random seed); `load()` adds the ones that are
missing through organisations.services, so the search index and the audit history are written too.
"""

import random
import unicodedata
from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify
from stdnum.fi import alv

from kumppani.core.models import BodyKind, Language, PublicBody, Term, Vocabulary
from kumppani.demo import texts
from kumppani.demo.places import BY_CODE, TOWNS
from kumppani.organisations import services
from kumppani.organisations.models import ContactPerson, Organisation, OrganisationStatus

SEED = 20250601
KINDS = {kind.key: kind for kind in texts.KINDS}
# Kinds each town must have: the NGOs the brief for the demo names.
FORCED = {
    "734": ["omaishoitajat"],
    "837": ["mielenterveys"],
    "698": ["nuorisoseura"],
    "758": ["elakelaiset"],
    "167": ["muisti"],
    "564": ["kriisikeskus"],
}

# Hand-written NGOs. "areas": municipality codes, or "county:<code>" for the county of that municipality.
HANDWRITTEN = [
    {
        "town": "734",
        "name": ("Salon Mielenterveysseura ry", "Salo Mentalvårdsförening rf", "Salo Mental Health Association"),
        "short": (
            "Kohtaamispaikka Mielipuoti, vertaisryhmiä ja keskusteluapua Salossa – tervetuloa sellaisena kuin olet.",
            "Mötesplatsen Mielipuoti, kamratgrupper och samtalsstöd i Salo – välkommen som du är.",
            "The Mielipuoti drop-in, peer groups and someone to talk to in Salo – come as you are.",
        ),
        "long": (
            "Salon Mielenterveysseura on tukenut salolaisten mielen hyvinvointia vuodesta 1972. Kohtaamispaikka "
            "Mielipuoti on avoinna arkisin, ja sinne voi tulla juomaan kahvit, juttelemaan tai vain olemaan. "
            "Ajanvarausta tai lähetettä ei tarvita.\n\n"
            "Meillä kokoontuvat masennuksesta ja ahdistuksesta toipuvien vertaisryhmät, nuorten aikuisten ryhmä ja "
            "mielenterveysomaisten ilta. Koulutetut vapaaehtoiset tarjoavat kriisikeskustelua puhelimessa ja "
            "kasvokkain.\n\n"
            "Olemme mukana Salon kaupungin järjestöyhteistyössä: sovimme sosiaali- ja terveyspalvelujen kanssa "
            "vuosittain, mitä yhteistyötä teemme, ja kirjaamme, toteutuiko se. Kokemusasiantuntijamme ovat tuoneet "
            "asukkaiden äänen hyvinvointikertomukseen ja kaupungin työryhmiin.",
            "Salo Mentalvårdsförening har stött invånarnas psykiska välbefinnande sedan 1972. Mötesplatsen "
            "Mielipuoti är öppen vardagar – ingen tidsbokning eller remiss behövs. Vi har kamratgrupper, "
            "krissamtal och en kväll för anhöriga.",
            "Salo Mental Health Association has supported the mental wellbeing of Salo residents since 1972. The "
            "Mielipuoti drop-in is open on weekdays – no appointment or referral needed. We run peer groups, crisis "
            "conversations and an evening for families, take part in the city's NGO cooperation and bring "
            "residents' experience into the welfare report.",
        ),
        "themes": ("mielenterveys", "vertaistuki", "kriisiapu", "yksinaisyys", "osallisuus"),
        "targets": ("mielenterveyskuntoutujat", "nuoret", "omaishoitajat"),
        "languages": ("fi", "en"),
        "founded": 1972,
        "members": 312,
        "address": ("Vilhonkatu 8", "24100", "Salo"),
    },
    {
        "town": "837",
        "name": ("Tampereen Järjestöedustamo", "Organisationsrepresentationen i Tammerfors", "Tampere NGO Forum"),
        "short": (
            "Tamperelaisten sote-järjestöjen yhteinen ääni: kokoamme järjestöjen tiedon asukkaiden hyvinvoinnista "
            "päätöksenteon tueksi.",
            "Den gemensamma rösten för social- och hälsoorganisationerna i Tammerfors.",
            "The shared voice of Tampere's social and health NGOs: we bring what NGOs know about residents' "
            "wellbeing to decision-makers.",
        ),
        "long": (
            "Järjestöedustamo on tamperelaisten sosiaali- ja terveysjärjestöjen yhteistyöverkosto. Kokoamme "
            "järjestöjen kokemustiedon siitä, miten asukkaat voivat ja millaisia palveluja he tarvitsevat, ja viemme "
            "sen Tampereen kaupungin ja Pirkanmaan hyvinvointialueen valmisteluun.\n\n"
            "Edustamo nimeää järjestöjen edustajat kaupungin työryhmiin ja neuvostoihin, järjestää järjestöjen "
            "yhteisiä foorumeja ja auttaa löytämään palvelutarpeita, joihin kukaan ei vielä vastaa. Verkostossa on "
            "mukana yli 80 järjestöä potilasyhdistyksistä asukasyhdistyksiin.\n\n"
            "Jos järjestösi toimii Tampereella, tervetuloa mukaan. Jäsenyys on maksuton.",
            "Organisationsrepresentationen samlar organisationernas kunskap om invånarnas välbefinnande och "
            "servicebehov och för den vidare till staden och välfärdsområdet. Den utser organisationernas "
            "representanter i stadens arbetsgrupper.",
            "The NGO Forum gathers what NGOs know about residents' wellbeing and service needs and takes it to the "
            "City of Tampere and the Pirkanmaa wellbeing services county. It names NGO representatives to the "
            "city's working groups.",
        ),
        "themes": ("osallisuus", "yhteisollisyys", "terveyden-edistaminen", "vapaaehtoistoiminta"),
        "targets": ("vapaaehtoiset",),
        "languages": ("fi", "en"),
        "founded": 2017,
        "members": 84,
        "ids": False,
        "address": ("Kuninkaankatu 21 B", "33210", "Tampere"),
    },
    {
        "town": "698",
        "areas": ("county:698",),
        "name": (
            "Lapin sosiaali- ja terveysturvayhdistys ry",
            "Lapplands social- och hälsoskyddsförening rf",
            "Lapland Social and Health Association",
        ),
        "short": (
            "Lappilaisten sote-järjestöjen tukija ja yhteen kokoaja – viemme järjestöjen kokemustiedon "
            "hyvinvointikertomuksiin.",
            "Stöder och samlar Lapplands social- och hälsoorganisationer och för deras erfarenhetskunskap till "
            "välfärdsberättelserna.",
            "Supporting and bringing together Lapland's social and health NGOs, and carrying their experiential "
            "knowledge into welfare reports.",
        ),
        "long": (
            "Yhdistys tukee Lapin sosiaali- ja terveysjärjestöjä koko maakunnassa Enontekiöltä Sallaan. Neuvomme "
            "yhdistyksiä avustusten hakemisessa ja hallinnossa, järjestämme koulutuksia ja kokoamme järjestöt "
            "yhteen alueellisiin verkostoihin.\n\n"
            "Lappilaiset järjestöt tuntevat asukkaiden arjen: pitkät välimatkat, yksinäisyyden ja sen, mikä kantaa. "
            "Kokoamme tämän kokemustiedon ja järjestöjen asiantuntijatiedon ja viemme sen kuntien ja Lapin "
            "hyvinvointialueen hyvinvointikertomuksiin. Järjestöjen kautta jaamme myös asukaskyselyjä, jotta ne "
            "tavoittavat nekin, joita viralliset kanavat eivät tavoita.",
            "Föreningen stöder social- och hälsoorganisationerna i hela Lappland med rådgivning, utbildning och "
            "nätverk. Vi samlar organisationernas erfarenhetskunskap till kommunernas och välfärdsområdets "
            "välfärdsberättelser och sprider invånarenkäter via organisationerna.",
            "The association supports social and health NGOs across Lapland with advice, training and networks. We "
            "gather the NGOs' experiential knowledge for the welfare reports of the municipalities and the wellbeing "
            "services county, and distribute residents' surveys through the NGOs so that they reach people whom "
            "official channels miss.",
        ),
        "themes": ("osallisuus", "terveyden-edistaminen", "neuvonta", "vapaaehtoistoiminta"),
        "targets": ("vapaaehtoiset",),
        "languages": ("fi", "se", "en"),
        "founded": 1947,
        "members": 118,
        "address": ("Korkalonkatu 5", "96200", "Rovaniemi"),
    },
    {
        "town": "167",
        "areas": ("county:167",),
        "name": ("Pohjois-Karjalan JANE", "JANE i Norra Karelen", "North Karelia NGO Advisory Board JANE"),
        "short": (
            "Järjestöjen alueellinen neuvottelukunta: järjestöjen edustajat hyvinvointialueen ja kuntien työryhmiin.",
            "Organisationernas regionala delegation: organisationsrepresentanter i välfärdsområdets och "
            "kommunernas arbetsgrupper.",
            "The regional NGO advisory board: NGO representatives for the working groups of the wellbeing services "
            "county and the municipalities.",
        ),
        "long": (
            "JANE eli järjestöjen neuvottelukunta on pohjoiskarjalaisten järjestöjen yhteinen vaikuttamisen "
            "foorumi. Se nimeää järjestöjen edustajat Pohjois-Karjalan hyvinvointialueen ja maakunnan työryhmiin "
            "ja huolehtii siitä, että edustajat saavat tukea ja tieto kulkee molempiin suuntiin.\n\n"
            "Kunnissa toimivat Paikallis-JANEt nimeävät edustajat kaupunkien ja kuntien omiin työryhmiin ja tuovat "
            "paikallisten yhdistysten äänen kunnan päätöksentekoon. JANEn jäsenet valitaan avoimessa järjestöjen "
            "kokouksessa kahdeksi vuodeksi kerrallaan.",
            "JANE utser organisationernas representanter i välfärdsområdets och landskapets arbetsgrupper. I "
            "kommunerna verkar lokala JANE-grupper som gör detsamma för kommunernas arbetsgrupper.",
            "JANE names NGO representatives to the working groups of the North Karelia wellbeing services county "
            "and region. Local JANE groups in the municipalities do the same for municipal working groups.",
        ),
        "themes": ("osallisuus", "yhteisollisyys", "vapaaehtoistoiminta"),
        "targets": ("vapaaehtoiset",),
        "languages": ("fi",),
        "founded": 2008,
        "members": None,
        "ids": False,
        "address": ("Koskikatu 11 C", "80100", "Joensuu"),
    },
    {
        "town": "047",
        "sami": True,
        "name": ("Enontekiön Saamelaisyhdistys", "Samiska föreningen i Enontekis", "Enontekiö Sámi Association"),
        "short": (
            "Saamen kieltä, kulttuuria ja yhdessäoloa Enontekiöllä – Eanodaga sámiid searvi.",
            "Samiskt språk, kultur och gemenskap i Enontekis.",
            "Sámi language, culture and community in Enontekiö.",
        ),
        "long": (
            "Yhdistys vaalii pohjoissaamen kieltä ja saamelaista kulttuuria Enontekiöllä. Tuemme kielipesää, "
            "järjestämme käsityöiltoja, joissa tehdään duodjia, ja tapahtumia, joissa eri sukupolvet kohtaavat.\n\n"
            "Ikääntyneille saamelaisille on tärkeää saada palvelua omalla kielellään. Kokoamme heidän "
            "kokemuksiaan ja viemme ne kunnan ja Lapin hyvinvointialueen tietoon, ja vapaaehtoisemme auttavat "
            "asioinnissa saameksi. Nuorille järjestämme leirejä tuntureilla ja poroerotuksissa.",
            "Föreningen värnar om nordsamiska och samisk kultur i Enontekis: språkbo, hantverkskvällar och "
            "evenemang där generationerna möts. Vi för äldre samers erfarenheter vidare till kommunen och "
            "välfärdsområdet.",
            "The association keeps Northern Sámi language and culture alive in Enontekiö with language nest "
            "support, duodji craft evenings and events where generations meet. We make sure that older Sámi "
            "people's experience of services in their own language reaches the municipality and the county.",
        ),
        "themes": ("osallisuus", "yhteisollisyys", "syrjinta", "yksinaisyys"),
        "targets": ("ikaantyneet", "nuoret"),
        "languages": ("fi", "se"),
        "founded": 1989,
        "members": 96,
        "address": ("Hetantie 11", "99400", "Enontekiö"),
    },
    {
        "town": "047",
        "areas": ("047", "261", "498", "273"),
        "name": ("Tunturi-Lapin Mielenterveysyhdistys ry", "", "Fell Lapland Mental Health Association"),
        "short": (
            "Vertaistukea ja kohtaamispaikkoja mielenterveyteen pitkien välimatkojen Tunturi-Lapissa – myös "
            "etäryhminä.",
            "Kamratstöd och mötesplatser för psykisk hälsa i Fjäll-Lappland – också på distans.",
            "Peer support and meeting places for mental health across Fell Lapland – online groups too.",
        ),
        "long": (
            "Tunturi-Lapissa lähimpään palveluun voi olla sata kilometriä. Siksi yhdistys kulkee sinne, missä "
            "ihmiset ovat: kylien kohtaamispaikkoihin Enontekiöllä, Kittilässä, Muoniossa ja Kolarissa. "
            "Vertaisryhmiä on myös verkossa, ja vapaaehtoiset soittavat niille, jotka toivovat juttuseuraa "
            "puhelimessa.\n\n"
            "Teemme yhteistyötä Lapin hyvinvointialueen mielenterveyspalvelujen kanssa, jotta apu löytyy ilman "
            "turhia mutkia.",
            "Vi kommer dit människorna är: byarnas mötesplatser i Enontekis, Kittilä, Muonio och Kolari. "
            "Kamratgrupper finns också på nätet.",
            "We go where people are: village meeting places in Enontekiö, Kittilä, Muonio and Kolari. There are "
            "online peer groups too, and volunteers call people who would like someone to talk to.",
        ),
        "themes": ("mielenterveys", "vertaistuki", "yksinaisyys"),
        "targets": ("mielenterveyskuntoutujat", "omaishoitajat"),
        "languages": ("fi",),
        "founded": 1998,
        "members": 140,
        "address": ("Valtatie 44", "99100", "Kittilä"),
    },
    {
        "town": "734",
        "areas": ("county:734",),
        "name": (
            "Varsinais-Suomen Mielenterveysomaiset – FinFami ry",
            "Egentliga Finlands anhöriga inom mentalvården – FinFami rf",
            "FinFami Southwest Finland",
        ),
        "short": (
            "Tukea koko Varsinais-Suomessa läheisille, joiden perheenjäsen sairastaa psyykkisesti – myös Salossa.",
            "Stöd i hela Egentliga Finland för anhöriga till personer med psykisk sjukdom – också i Salo.",
            "Support across Southwest Finland for people whose family member has a mental illness – Salo included.",
        ),
        "long": (
            "FinFami tukee mielenterveysomaisia koko Varsinais-Suomen alueella. Tarjoamme keskusteluapua, "
            "vertaisryhmiä, kursseja ja virkistystä, ja lapsille ja nuorille on omat ryhmänsä. Salossa omaisryhmä "
            "kokoontuu kerran kuussa Salon Mielenterveysseuran tiloissa.\n\n"
            "Olemme mukana Varsinais-Suomen hyvinvointialueen järjestöyhteistyössä ja tuomme omaisten kokemuksen "
            "palvelujen kehittämiseen.",
            "FinFami stöder anhöriga i hela Egentliga Finland med samtal, kamratgrupper, kurser och rekreation, "
            "och har egna grupper för barn och unga.",
            "FinFami supports families across Southwest Finland with conversations, peer groups, courses and "
            "respite, with groups of their own for children and young people.",
        ),
        "themes": ("mielenterveys", "omaishoito", "vertaistuki"),
        "targets": ("omaishoitajat", "mielenterveyskuntoutujat", "nuoret"),
        "languages": ("fi", "sv"),
        "founded": 1991,
        "members": 620,
        "address": ("Humalistonkatu 8 A", "20100", "Turku"),
    },
    {
        "town": "837",
        "areas": ("county:837",),
        "name": ("Pirkanmaan Sydänpiiri ry", "Hjärtdistriktet i Birkaland rf", "Pirkanmaa Heart District"),
        "short": (
            "Sydänterveyttä koko Pirkanmaalle: kuntoutuskursseja, elvytyskoulutusta ja tukea paikallisille "
            "sydänyhdistyksille.",
            "Hjärthälsa för hela Birkaland: rehabiliteringskurser, HLR-utbildning och stöd för lokala hjärtföreningar.",
            "Heart health for all of Pirkanmaa: rehabilitation courses, CPR training and support for local heart "
            "associations.",
        ),
        "long": (
            "Sydänpiiri tukee pirkanmaalaisia sydänyhdistyksiä ja tekee sydänterveyttä tutuksi kouluissa, "
            "työpaikoilla ja kylätapahtumissa. Järjestämme sopeutumisvalmennusta sydäntapahtuman jälkeen, "
            "elvytyskoulutuksia ja terveysmittauksia.\n\n"
            "Sydänpiiri on mukana Pirkanmaan hyvinvointialueen hyte-verkostossa ja kertoo, millaista tukea "
            "sydänsairaat ja heidän läheisensä tarvitsevat.",
            "Hjärtdistriktet stöder hjärtföreningarna i Birkaland och ordnar anpassningskurser, HLR-utbildningar "
            "och hälsomätningar.",
            "The Heart District supports the heart associations of Pirkanmaa and runs adjustment courses, CPR "
            "training and health checks.",
        ),
        "themes": ("terveyden-edistaminen", "kuntoutus", "neuvonta"),
        "targets": ("pitkaaikaissairaat", "ikaantyneet"),
        "languages": ("fi",),
        "founded": 1958,
        "members": 3100,
        "address": ("Sammonkatu 33", "33540", "Tampere"),
    },
    {
        "town": "564",
        "areas": ("county:564",),
        "name": ("Pohjois-Pohjanmaan Nuorisoseurat ry", "", "North Ostrobothnia Youth Associations"),
        "short": (
            "Nuorisoseuroja koko Pohjois-Pohjanmaalla: teatteria, tanssia ja nuorten omaa tekemistä kylillä ja "
            "kaupungeissa.",
            "Ungdomsföreningar i hela Norra Österbotten: teater, dans och ungas egna aktiviteter.",
            "Youth associations across North Ostrobothnia: theatre, dance and young people's own activities.",
        ),
        "long": (
            "Piiri tukee noin sataa pohjoispohjalaista nuorisoseuraa. Koulutamme ohjaajia, järjestämme teatteri- "
            "ja tanssileirejä ja autamme seurantalojen ylläpidossa. Nuorten vaikuttajaryhmä suunnittelee itse osan "
            "piirin toiminnasta.\n\n"
            "Monella kylällä nuorisoseurantalo on ainoa paikka, jossa nuoret voivat kokoontua. Siksi kerromme "
            "kunnille ja hyvinvointialueelle, mitä nuoret harrastuksiltaan ja kohtaamispaikoiltaan toivovat.",
            "Distriktet stöder ett hundratal ungdomsföreningar, utbildar ledare och ordnar teater- och danslägren.",
            "The district supports about a hundred youth associations, trains leaders and runs theatre and dance "
            "camps.",
        ),
        "themes": ("yhteisollisyys", "osallisuus", "vapaaehtoistoiminta"),
        "targets": ("nuoret", "lapset"),
        "languages": ("fi",),
        "founded": 1907,
        "members": 7500,
        "address": ("Kirkkokatu 19", "90100", "Oulu"),
    },
    # Porvoo (Borgå): Swedish and bilingual NGOs.
    {
        "town": "638",
        "swedish": True,
        "name": ("Folkhälsan i Borgå", "Folkhälsan i Borgå", "Folkhälsan in Porvoo"),
        "short": (
            "Terveyttä ja yhteisöllisyyttä ruotsiksi Porvoossa: perhekahvila, senioreiden jumppa ja uimakoulu.",
            "Hälsa och gemenskap på svenska i Borgå: familjecafé, seniorgympa och simskola.",
            "Health and community in Swedish in Porvoo: a family café, seniors' exercise and a swimming school.",
        ),
        "long": (
            "Folkhälsan i Borgå on ruotsinkielinen paikallisyhdistys, joka edistää terveyttä ja hyvinvointia. "
            "Järjestämme perhekahvilaa pikkulapsiperheille, kesäisin uimakoulua sekä senioreiden jumppaa ja "
            "terveysryhmiä. Toimintamme on ruotsiksi, mutta kaikki ovat tervetulleita.",
            "Folkhälsan i Borgå är en lokalförening som arbetar för hälsa och livskvalitet på svenska. Vi ordnar "
            "familjecafé för småbarnsfamiljer, simskola om somrarna, seniorgympa och friskvårdsgrupper.\n\n"
            "Våra frivilliga är hjärtat i verksamheten. Vill du leda en grupp, baka till caféet eller hjälpa till "
            "på simskolan? Hör av dig!",
            "Folkhälsan in Porvoo is a local association working for health and quality of life in Swedish: a "
            "family café, a summer swimming school, seniors' exercise and wellbeing groups.",
        ),
        "themes": ("terveyden-edistaminen", "liikunta", "perhetyo", "yhteisollisyys"),
        "targets": ("lapsiperheet", "ikaantyneet"),
        "languages": ("sv", "fi"),
        "founded": 1922,
        "members": 540,
        "address": ("Runebergsgatan 18", "06100", "Borgå"),
    },
    {
        "town": "638",
        "swedish": True,
        "name": ("Borgå Svenska Pensionärer rf", "Borgå Svenska Pensionärer rf", "Porvoo Swedish Pensioners"),
        "short": (
            "Yhdessäoloa, matkoja ja liikuntaa ruotsinkielisille eläkeläisille Porvoossa.",
            "Gemenskap, resor och motion för svenskspråkiga pensionärer i Borgå.",
            "Company, travel and exercise for Swedish-speaking pensioners in Porvoo.",
        ),
        "long": (
            "Tapaamme joka tiistai kerhohuoneella kahvin, ohjelman ja yhteislaulun merkeissä. Vuoden mittaan "
            "teemme teatterimatkoja ja saaristoretkiä, ja nuoret vapaaehtoiset auttavat kännykän ja "
            "pankkitunnusten kanssa. Annamme myös lausuntoja Porvoon vanhusneuvostolle.",
            "Vi träffas varje tisdag i föreningens klubbrum med kaffe, program och allsång. Under året ordnar vi "
            "teaterresor, utfärder i skärgården, vattengympa och datorhjälp där unga frivilliga hjälper med mobilen "
            "och bankkoderna.\n\n"
            "Föreningen ger också utlåtanden till äldrerådet i Borgå, så att de äldres röst hörs när servicen "
            "planeras.",
            "We meet every Tuesday for coffee, a programme and singing together, and organise theatre trips, "
            "archipelago outings, aqua aerobics and help with phones and online banking. We also give statements "
            "to Porvoo's council for older people.",
        ),
        "themes": ("yksinaisyys", "liikunta", "osallisuus", "yhteisollisyys"),
        "targets": ("ikaantyneet",),
        "languages": ("sv",),
        "founded": 1968,
        "members": 410,
        "address": ("Fredsgatan 5", "06100", "Borgå"),
    },
    {
        "town": "638",
        "name": (
            "Porvoon Seudun Omaishoitajat ry",
            "Borgånejdens Närståendevårdare rf",
            "Porvoo Region Family Carers",
        ),
        "short": (
            "Vertaistukea ja virkistystä omaishoitajille kahdella kielellä.",
            "Kamratstöd och rekreation för närståendevårdare på två språk.",
            "Peer support and time off for family carers, in Finnish and Swedish.",
        ),
        "long": (
            "Yhdistys tukee omaishoitajia Porvoossa ja sen lähikunnissa suomeksi ja ruotsiksi. Vertaisryhmät "
            "kokoontuvat kummallakin kielellä, ja omaishoitajien kahvilaan voi pistäytyä ilman ilmoittautumista. "
            "Neuvomme omaishoidon tuessa ja vapaiden järjestämisessä.",
            "Föreningen stöder närståendevårdare i Borgå med omnejd på finska och svenska. Kamratgrupperna träffas "
            "på båda språken, och till närståendevårdarnas café kan du komma utan anmälan.",
            "We support family carers in Porvoo and nearby in Finnish and Swedish, with peer groups in both "
            "languages and a drop-in café.",
        ),
        "themes": ("omaishoito", "vertaistuki", "neuvonta"),
        "targets": ("omaishoitajat", "ikaantyneet"),
        "languages": ("fi", "sv"),
        "founded": 1994,
        "members": 230,
        "address": ("Mannerheiminkatu 20", "06100", "Porvoo"),
    },
    {
        "town": "638",
        "name": ("Porvoon Mielenterveysseura ry", "Borgå Mentalvårdsförening rf", "Porvoo Mental Health Association"),
        "short": (
            "Kohtaamispaikka ja vertaisryhmiä mielen hyvinvointiin suomeksi ja ruotsiksi.",
            "Mötesplats och kamratgrupper för psykiskt välbefinnande på finska och svenska.",
            "A drop-in and peer groups for mental wellbeing, in Finnish and Swedish.",
        ),
        "long": (
            "Kohtaamispaikkamme vanhassa puutalossa on avoinna arkipäivisin. Siellä voi jutella, pelata, osallistua "
            "taideryhmään tai vain juoda kupin kahvia hyvässä seurassa. Vertaisryhmiä on sekä suomeksi että "
            "ruotsiksi.",
            "Vår mötesplats i ett gammalt trähus är öppen vardagar. Du kan prata, spela, delta i konstgruppen eller "
            "bara dricka en kopp kaffe i gott sällskap. Kamratgrupper finns på både finska och svenska.",
            "Our drop-in in an old wooden house is open on weekdays: chat, play games, join the art group or just "
            "have a cup of coffee in good company.",
        ),
        "themes": ("mielenterveys", "vertaistuki", "yksinaisyys"),
        "targets": ("mielenterveyskuntoutujat",),
        "languages": ("fi", "sv"),
        "founded": 1969,
        "members": 185,
        "address": ("Piispankatu 30", "06100", "Porvoo"),
    },
    {
        "town": "638",
        "swedish": True,
        "name": ("Borgå Marthaförening rf", "Borgå Marthaförening rf", "Porvoo Martha Association"),
        "short": (
            "Ruoanlaittoa, käsitöitä ja kodin taloutta – opimme toisiltamme.",
            "Matlagning, hantverk och hushållsekonomi – vi lär oss av varandra.",
            "Cooking, crafts and household finances – we learn from each other.",
        ),
        "long": (
            "Porvoon ruotsinkieliset martat järjestävät ruokailtoja, sienikursseja ja käsityötapaamisia sekä "
            "kursseja kotoa muuttaville nuorille ja maahan muuttaneille.",
            "Marthorna i Borgå ordnar matlagningskvällar, svampkurser och hantverksträffar. Vi har också kurser för "
            "unga som flyttar hemifrån och för inflyttade som vill lära sig laga finländsk mat.",
            "The Marthas in Porvoo run cooking evenings, mushroom courses and craft meetings, and courses for young "
            "people moving into their first home and for newcomers.",
        ),
        "themes": ("ravitsemus", "yhteisollisyys", "kotoutuminen"),
        "targets": ("lapsiperheet", "maahanmuuttajat"),
        "languages": ("sv", "fi"),
        "founded": 1901,
        "members": 160,
        "address": ("Biskopsgatan 12", "06100", "Borgå"),
    },
    {
        "town": "638",
        "swedish": True,
        "name": ("Kullo Byaförening rf", "Kullo Byaförening rf", "Kullo Village Association"),
        "short": (
            "Kulloon kylätalo: yhteisiä juhlia, talkoita ja ikäihmisten kahvipiiri.",
            "Byahuset i Kullo: gemensamma fester, talko och en kaffekrets för äldre.",
            "The Kullo village hall: celebrations, work days and a coffee circle for older people.",
        ),
        "long": (
            "Kyläyhdistys ylläpitää kylätaloa ja järjestää juhannusjuhlat, joulumyyjäiset ja rantatalkoot. "
            "Ikäihmisten kahvipiiri kokoontuu torstaisin.",
            "Byaföreningen sköter byahuset och ordnar midsommarfest, julbasar och talko vid badstranden. Varje "
            "torsdag träffas äldre bybor i kaffekretsen, och på vintern drar vi skidspår runt byn.",
            "We look after the village hall and organise the midsummer party, the Christmas fair and beach work "
            "days. Older villagers meet for coffee on Thursdays.",
        ),
        "themes": ("yhteisollisyys", "yksinaisyys", "liikunta"),
        "targets": ("ikaantyneet", "lapsiperheet"),
        "languages": ("sv", "fi"),
        "founded": 1978,
        "members": 120,
        "address": ("Kullovägen 250", "06830", "Kullo"),
    },
    {
        "town": "638",
        "swedish": True,
        "name": ("Borgå Hörselförening rf", "Borgå Hörselförening rf", "Porvoo Hearing Association"),
        "short": (
            "Vertaistukea ja kuulolaiteneuvontaa huonokuuloisille Porvoossa.",
            "Kamratstöd och råd om hörapparater för hörselskadade i Borgå.",
            "Peer support and hearing aid advice for people with hearing loss in Porvoo.",
        ),
        "long": (
            "Neuvomme kuulolaitteiden kanssa, järjestämme luentoja, joissa on induktiosilmukka ja "
            "kirjoitustulkkaus, ja tapaamme jakaaksemme kokemuksia. Teemme työtä sen eteen, että kaupungin "
            "kokoustiloissa on toimivat induktiosilmukat.",
            "Vi hjälper med hörapparater, ordnar föreläsningar med hörslinga och skrivtolkning, och träffas för "
            "att dela erfarenheter av att leva med nedsatt hörsel. Vi arbetar också för att stadens möteslokaler "
            "ska ha fungerande hörslingor.",
            "We help with hearing aids, hold talks with hearing loops and speech-to-text interpretation, and work "
            "for working hearing loops in the city's meeting rooms.",
        ),
        "themes": ("vammaisuus", "esteettomyys", "vertaistuki"),
        "targets": ("kuurot", "ikaantyneet"),
        "languages": ("sv", "fi", "fss"),
        "founded": 1957,
        "members": 140,
        "address": ("Alexandersgatan 9", "06100", "Borgå"),
    },
    {
        "town": "638",
        "name": (
            "Porvoon Monikulttuuriyhdistys ry",
            "Borgå Mångkulturella Förening rf",
            "Porvoo Multicultural Association",
        ),
        "short": (
            "Kohtaamispaikka ja kielikahvila, jossa harjoitellaan sekä suomea että ruotsia.",
            "Mötesplats och språkcafé där vi övar både finska och svenska.",
            "A meeting place and language café for practising both Finnish and Swedish.",
        ),
        "long": (
            "Porvoossa kotoutuja tarvitsee usein kaksi uutta kieltä. Kielikahvilassamme harjoitellaan suomea ja "
            "ruotsia vapaaehtoisten kanssa, ja arjen neuvonnassa autamme lomakkeissa, kouluasioissa ja työnhaussa. "
            "Naisten liikuntaryhmä ja lasten läksykerho kokoontuvat viikoittain.",
            "I Borgå behöver den som integreras ofta två nya språk. På vårt språkcafé övar vi finska och svenska "
            "med frivilliga, och vi hjälper med blanketter, skola och jobbsökning.",
            "In Porvoo newcomers often need two new languages. At our language café you practise Finnish and Swedish "
            "with volunteers, and we help with forms, school and job-seeking.",
        ),
        "themes": ("kotoutuminen", "yhteisollisyys", "neuvonta"),
        "targets": ("maahanmuuttajat", "lapsiperheet"),
        "languages": ("fi", "sv", "en", "ar", "uk", "ru"),
        "founded": 2009,
        "members": 150,
        "address": ("Rauhankatu 14", "06100", "Porvoo"),
    },
    {
        "town": "638",
        "areas": ("county:638",),
        "name": ("Itä-Uudenmaan Surutuki ry", "Sorgstödet i Östra Nyland rf", "Bereavement Support East Uusimaa"),
        "short": (
            "Sururyhmiä ja keskusteluapua läheisensä menettäneille koko Itä-Uudellamaalla.",
            "Sorggrupper och samtalsstöd för dig som förlorat en närstående, i hela Östra Nyland.",
            "Bereavement groups and someone to talk to, across East Uusimaa.",
        ),
        "long": (
            "Kun läheinen kuolee, suru voi olla yksinäistä. Koulutetut vapaaehtoiset ohjaavat sururyhmiä suomeksi "
            "ja ruotsiksi Porvoossa, Loviisassa ja Sipoossa, ja keskusteluapua saa myös puhelimessa. Omat ryhmät "
            "kokoontuvat lapsensa tai puolisonsa menettäneille ja niille, joiden läheinen on kuollut itsemurhaan.",
            "Utbildade frivilliga leder sorggrupper på svenska och finska i Borgå, Lovisa och Sibbo, och du kan "
            "också få samtalsstöd per telefon.",
            "Trained volunteers lead bereavement groups in Swedish and Finnish in Porvoo, Loviisa and Sipoo, and "
            "offer support by phone.",
        ),
        "themes": ("kriisiapu", "vertaistuki", "mielenterveys"),
        "targets": (),
        "languages": ("fi", "sv"),
        "founded": 2001,
        "members": 95,
        "address": ("Lundinkatu 4", "06100", "Porvoo"),
    },
]


def fold(text: str) -> str:
    """ASCII for e-mail addresses: "Mäkelä" → "makela"."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if c.isascii() and (c.isalnum() or c in ".-"))


def business_id(rng: random.Random, taken: set[str]) -> str:
    """A valid, unused business ID (Y-tunnus): seven digits and a check digit (stdnum.fi.alv's checksum)."""
    while True:
        base = f"{rng.randint(200_000, 3_400_000):07d}"
        digits = [d for d in "0123456789" if alv.checksum(base + d) == 0]
        if digits and f"{base}-{digits[0]}" not in taken:
            taken.add(f"{base}-{digits[0]}")
            return f"{base}-{digits[0]}"


def association_id(rng: random.Random, founded: int) -> str:
    """An association register number roughly as old as the association (123.456 form)."""
    number = 1_000 + int(max(0, founded - 1900) / 125 * 228_000) + rng.randint(0, 900)
    return f"{number // 1000}.{number % 1000:03d}"


def _phone(rng: random.Random, area: str = "") -> str:
    """A mobile number, or with `area` sometimes a landline number."""
    if not area or rng.random() < 0.6:
        return f"04{rng.choice('0145')} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    return f"{area} {rng.randint(200, 899)} {rng.randint(1000, 9999)}"


def _person(rng: random.Random, *, swedish: bool, sami: bool) -> tuple[str, str]:
    first = rng.choice(texts.SWEDISH_FIRST_NAMES if swedish else texts.FIRST_NAMES)
    last = rng.choice(texts.SWEDISH_LAST_NAMES if swedish else texts.SAMI_LAST_NAMES if sami else texts.LAST_NAMES)
    return f"{first} {last}", f"{fold(first)}.{fold(last)}@example.org"


def _generated(rng: random.Random, town, kind, taken_names: set[str], village=None) -> dict | None:
    place = {"g": village[0] if village else town.genitive, "sv": town.sv, "en": village[1] if village else town.en}
    name_fi = kind.name[0].format(**place)
    if name_fi in taken_names:
        return None
    translated = town.code == "638" or rng.random() < 0.45
    sv = town.code == "638" or (translated and rng.random() < 0.6)
    street = f"{rng.choice(town.streets)} {rng.randint(1, 48)}"
    long_fi = kind.long[0].format(**place)
    free = "maksuton" in long_fi  # no membership fee sentence where the text says it is free
    fee = rng.choice([10, 15, 20, 25])
    closing = rng.choice([c for c in texts.CLOSINGS_FI if not (free and "{fee}" in c)]).format(fee=fee, **place)
    if rng.random() < 0.7:
        hours = texts.OPENING_HOURS_FI.format(
            street=street, days=rng.choice(texts.DAYS_FI), hours=rng.choice(texts.HOURS)
        )
        closing = f"{hours} {closing}"
    closing_sv, closing_en = (texts.WELCOME_SV, texts.WELCOME_EN) if free else (texts.CLOSING_SV, texts.CLOSING_EN)
    return {
        "town": town.code,
        "kind": kind.key,
        "name": (
            name_fi,
            kind.name[1].format(**place) if sv else "",
            kind.name[2].format(**place) if translated else "",
        ),
        "short": (kind.short[0], kind.short[1] if sv else "", kind.short[2] if translated else ""),
        "long": (
            f"{long_fi}\n\n{closing}",
            f"{kind.long[1].format(**place)} {closing_sv.format(fee=fee)}" if sv else "",
            f"{kind.long[2].format(**place)} {closing_en.format(fee=fee)}" if translated else "",
        ),
        "themes": kind.themes,
        "targets": kind.targets,
        "languages": ("fi", *(["sv"] if town.code == "638" else []), *kind.languages),
        "founded": rng.randint(*kind.founded),
        "members": rng.randint(*kind.members),
        "address": (street, rng.choice(town.postal_codes), town.post_office),
        "sami": town.code == "047" and rng.random() < 0.5,
    }


def build() -> list[dict]:
    """Every demo NGO as a dict, the same on every run."""
    rng = random.Random(SEED)
    specs = [dict(spec) for spec in HANDWRITTEN]
    taken_names = {spec["name"][0] for spec in specs}
    for town in TOWNS:
        forced = [KINDS[key] for key in FORCED.get(town.code, [])]
        villages = rng.sample(town.villages, min(len(town.villages), max(1, town.count // 8)))
        pool = [k for k in texts.KINDS if k.size <= town.size and k not in forced]
        chosen = forced + rng.sample(pool, min(len(pool), town.count - len(forced) - len(villages)))
        for kind, village in [(k, None) for k in chosen] + [(texts.VILLAGE, v) for v in villages]:
            spec = _generated(rng, town, kind, taken_names, village)
            if spec:
                taken_names.add(spec["name"][0])
                specs.append(spec)
    ids: set[str] = set()
    for spec in specs:
        town = BY_CODE[spec["town"]]
        swedish = spec.get("swedish", False)
        spec["slug"] = slugify(spec["name"][0])[:100]
        spec.setdefault("areas", (spec["town"],))
        with_ids = spec.get("ids", True) and rng.random() < 0.9
        spec["business_id"] = business_id(rng, ids) if with_ids else ""
        spec["association_id"] = association_id(rng, spec["founded"]) if with_ids and rng.random() < 0.75 else ""
        domain = slugify(spec["name"][0].removesuffix(" ry").removesuffix(" rf"))[:50]
        mailbox = rng.choice(["info", "kansliet"] if swedish else ["toimisto", "info", "yhdistys"])
        spec["email"] = f"{mailbox}@{domain}.example.org"
        spec["phone"] = _phone(rng, town.phone_area)
        spec["website"] = f"https://{domain}.example.org/" if rng.random() < 0.85 else ""
        roles = texts.ROLES_SV if swedish else texts.ROLES_FI
        spec["contacts"] = []
        for role in [roles[0], *rng.sample(roles[1:], rng.randint(0, 2))]:
            name, email = _person(rng, swedish=swedish, sami=spec.get("sami", False))
            spec["contacts"].append({"name": name, "role": role, "email": email, "phone": _phone(rng)})
        spec["created_days_ago"] = rng.randint(90, 1500)
        spec["updated_days_ago"] = rng.randint(1, min(400, spec["created_days_ago"]))
        spec["status"], spec["verified"] = OrganisationStatus.ACTIVE, True
    # A few dormant NGOs, and in Salo, Tampere and Oulu one that waits for the coordinator to verify it.
    generated = [s for s in specs if "kind" in s and s["kind"] not in FORCED.get(s["town"], [])]
    for spec in rng.sample(generated, 6):
        spec["status"] = OrganisationStatus.DORMANT
    for code in ("734", "837", "564"):
        candidates = [s for s in generated if s["town"] == code and s["status"] == OrganisationStatus.ACTIVE]
        spec = rng.choice(candidates)
        spec["verified"], spec["created_days_ago"], spec["updated_days_ago"] = False, rng.randint(2, 12), 1
    return specs


def _lookups() -> dict:
    municipalities = {b.code: b for b in PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY)}
    counties = {b.pk: b for b in PublicBody.objects.exclude(kind=BodyKind.MUNICIPALITY)}
    terms = {(t.vocabulary, t.slug): t for t in Term.objects.all()}
    return {
        "areas": {
            **municipalities,
            **{f"county:{code}": counties[b.county_id] for code, b in municipalities.items() if b.county_id},
        },
        "themes": {slug: t for (vocabulary, slug), t in terms.items() if vocabulary == Vocabulary.THEME},
        "targets": {slug: t for (vocabulary, slug), t in terms.items() if vocabulary == Vocabulary.TARGET_GROUP},
        "languages": {language.code: language for language in Language.objects.all()},
    }


def load(verifiers: dict[str, object] | None = None) -> tuple[int, int]:
    """Add the demo NGOs that are missing. Returns (added, already there).

    `verifiers` maps a municipality code to the coordinator recorded as having verified its NGOs.
    """
    specs = build()
    existing = set(Organisation.objects.filter(slug__in=[s["slug"] for s in specs]).values_list("slug", flat=True))
    lookup = _lookups()
    now = timezone.now()
    added = 0
    for spec in specs:
        if spec["slug"] in existing:
            continue
        data = {
            **{f"name_{lang}": value for lang, value in zip(("fi", "sv", "en"), spec["name"], strict=True)},
            **{f"short_description_{lang}": v for lang, v in zip(("fi", "sv", "en"), spec["short"], strict=True)},
            **{f"description_{lang}": v for lang, v in zip(("fi", "sv", "en"), spec["long"], strict=True)},
            "business_id": spec["business_id"],
            "association_id": spec["association_id"],
            "founded_year": spec["founded"],
            "member_count": spec["members"],
            "email": spec["email"],
            "phone": spec["phone"],
            "website": spec["website"],
            "street_address": spec["address"][0],
            "postal_code": spec["address"][1],
            "post_office": spec["address"][2],
            **{field: [lookup[field][key] for key in spec[field]] for field in ("themes", "targets", "languages")},
            "areas": [lookup["areas"][key] for key in spec["areas"]],
        }
        data["target_groups"] = data.pop("targets")
        organisation = services.organisation_create(by=None, data=data)
        assert organisation.slug == spec["slug"], organisation.slug
        ContactPerson.objects.bulk_create(
            [ContactPerson(organisation=organisation, **person) for person in spec["contacts"]]
        )
        updated = now - timedelta(days=spec["updated_days_ago"])
        Organisation.objects.filter(pk=organisation.pk).update(
            status=spec["status"],
            created_at=now - timedelta(days=spec["created_days_ago"]),
            updated_at=updated,
            verified_at=updated + timedelta(hours=3) if spec["verified"] else None,
            verified_by=(verifiers or {}).get(spec["town"]) if spec["verified"] else None,
        )
        added += 1
    return added, len(existing)
