"""What the demo NGOs do: a few typical activities for each kind of NGO, in Finnish and Swedish
(and the name in English).

One line per activity: "type | schedule | tags | name fi | name sv | name en | short fi | short sv".
Schedule: W every week, W2 twice a week, D every weekday, B every other week, M a weekday of the
month, A by appointment. Tags: fee (a small fee), online (meets online), register (sign up first),
and the words the demo service paths look for (memory, carers, mental_peer, clubhouse, …).
"""

ACTIVITIES = {
    "mielenterveys": """
peer_support|W|mental_peer register|Masennuksesta toipuvien vertaisryhmä|Kamratgrupp för dig som återhämtar dig från depression|Peer group for recovering from depression|Kymmenen kerran ryhmä, jossa jaetaan kokemuksia toipumisesta koulutetun vertaisohjaajan kanssa.|En grupp på tio träffar där vi delar erfarenheter av återhämtning tillsammans med en utbildad kamratledare.
meeting_place|D|meeting mental_meeting|Kohtaamispaikka Olohuone|Mötesplatsen Vardagsrummet|The Living Room drop-in|Avoin kohtaamispaikka, jonne voi tulla juomaan kahvit, juttelemaan tai vain olemaan – ilman ajanvarausta.|En öppen mötesplats där du kan dricka kaffe, prata eller bara vara – utan tidsbokning.
advice|A|talk|Keskusteluapua kasvokkain|Samtalsstöd ansikte mot ansikte|Someone to talk to, face to face|Koulutettu vapaaehtoinen tai työntekijä kuuntelee, kun jokin painaa mieltä. 1–5 maksutonta tapaamista.|En utbildad frivillig eller anställd lyssnar när något tynger dig. 1–5 avgiftsfria träffar.
peer_support|W|mental_peer online|Ahdistuksen vertaisryhmä verkossa|Kamratgrupp om ångest på nätet|Online peer group on anxiety|Ryhmä kokoontuu verkossa, joten mukaan pääsee kotoa käsin. Kameraa ei tarvitse avata.|Gruppen träffas på nätet, så du kan delta hemifrån. Kameran behöver inte vara på.
support_group|W|mental_peer register|Nuorten aikuisten mielen hyvinvoinnin ryhmä|Grupp för unga vuxnas psykiska välmående|Wellbeing group for young adults|18–29-vuotiaille: keinoja jaksamiseen, stressin hallintaan ja arjen rytmiin.|För 18–29-åringar: redskap för ork, stresshantering och vardagsrytm.
training|M|register|Mielenterveyden ensiapu -kurssi|Kurs i första hjälpen för psykisk hälsa|Mental health first aid course|Opit tunnistamaan mielenterveyden pulmia ja tukemaan läheistä tai työkaveria.|Du lär dig känna igen psykisk ohälsa och stödja en närstående eller en kollega.
""",
    "omaishoitajat": """
peer_support|M|carers|Omaishoitajien vertaisryhmä|Kamratgrupp för närståendevårdare|Peer group for family carers|Omaistaan hoitavat jakavat arjen iloja ja huolia. Hoidettavalle voi järjestää seuraa tapaamisen ajaksi.|Närståendevårdare delar vardagens glädjeämnen och bekymmer. Den du vårdar kan få sällskap under träffen.
advice|A|carers carers_advice|Omaishoidon neuvonta|Rådgivning om närståendevård|Advice for family carers|Apua omaishoidon tuen hakemiseen, vapaapäiviin ja palveluihin – puhelimessa tai kotikäynnillä.|Hjälp med stödet för närståendevård, lediga dagar och tjänster – per telefon eller vid ett hembesök.
recreation|W|carers|Omaishoitajien virkistävä liikuntaryhmä|Motionsgrupp för närståendevårdare|Exercise group for family carers|Kevyttä liikuntaa ja rentoutumista fysioterapeutin ohjauksessa.|Lätt motion och avslappning, ledd av en fysioterapeut.
support_group|B|carers register|Puolisoaan hoitavien ryhmä|Grupp för dig som vårdar din make eller maka|Group for people caring for their spouse|Pieni ryhmä yli 65-vuotiaille: jaksaminen, muuttuva parisuhde ja avun vastaanottaminen.|En liten grupp för dig över 65: ork, en förändrad parrelation och att ta emot hjälp.
training|M|carers register|Ensitietokurssi uusille omaishoitajille|Introduktionskurs för nya närståendevårdare|Introductory course for new family carers|Neljä iltaa omaishoidon tuesta, palveluista, omasta jaksamisesta ja edunvalvonnasta.|Fyra kvällar om stöd, tjänster, egen ork och intressebevakning.
""",
    "muisti": """
peer_support|M|memory memory_peer|Muistisairaiden läheisten vertaistukiryhmä|Kamratgrupp för anhöriga till personer med minnessjukdom|Peer group for relatives of people with dementia|Läheiset jakavat kokemuksia ja vinkkejä arkeen muistisairauden kanssa.|Anhöriga delar erfarenheter och tips för vardagen med en minnessjukdom.
meeting_place|W|memory memory_cafe|Muistikahvila|Minneskafé|Memory café|Rento kohtaamispaikka muistisairaille ja läheisille: kahvia, juttua ja välillä asiantuntijan alustus.|En avslappnad mötesplats för personer med minnessjukdom och deras anhöriga.
advice|A|memory memory_advice|Muistineuvonta|Minnesrådgivning|Memory advice|Muistiasiantuntija neuvoo, kun oma tai läheisen muisti huolettaa. Ajan voi varata puhelimessa.|En minnesexpert ger råd när ditt eget eller en närståendes minne oroar dig.
training|M|memory memory_first register|Ensitietokurssi muistisairaudesta|Introduktionskurs om minnessjukdom|Introductory course on memory disorders|Vastikään diagnoosin saaneille ja läheisille: tietoa sairaudesta, tuista ja palveluista.|För dig som nyss fått diagnosen och dina anhöriga: fakta om sjukdomen, stöd och tjänster.
recreation|W|memory memory_exercise|Muistiliikuntaryhmä|Motionsgrupp för minnet|Exercise group for memory|Tuolijumppaa, tasapainoharjoituksia ja muistipelejä. Läheinen voi tulla mukaan.|Stolgymnastik, balansövningar och minnesspel. En anhörig kan följa med.
""",
    "elakelaiset": """
recreation|W|seniors|Kerhopäivä|Klubbdag|Club day|Kahvia, esitelmiä, tietovisaa ja yhteislaulua joka viikko.|Kaffe, föredrag, frågesport och allsång varje vecka.
recreation|W|seniors seniors_exercise|Seniorijumppa|Seniorgympa|Seniors' exercise class|Monipuolista liikuntaa kaikenkuntoisille ikäihmisille.|Mångsidig motion för äldre i alla konditioner.
recreation|W|seniors fee|Lavatanssiryhmä|Dansgrupp|Dance group|Lavatanssien askeleita ja seuratansseja – parin kanssa tai ilman.|Pardans och sällskapsdans – med eller utan partner.
volunteering|B|lonely|Ystäväpiiri|Vänkretsen|Friendship circle|Vapaaehtoiset soittavat ja käyvät kylässä yksin asuvien jäsenten luona.|Frivilliga ringer och hälsar på medlemmar som bor ensamma.
training|M|digi|Digiapu ikäihmisille|Digihjälp för äldre|Digital help for seniors|Apua puhelimen, tabletin ja verkkopankin käyttöön. Tule omalla laitteella.|Hjälp med telefon, surfplatta och nätbank. Ta med din egen enhet.
""",
    "elakkeensaajat": """
recreation|W|seniors|Jäsenkerho|Medlemsklubben|Members' club|Viikoittainen kerho: ajankohtaisia vieraita, arpajaiset ja kahvit.|En veckoklubb med aktuella gäster, lotteri och kaffe.
recreation|W|seniors seniors_exercise fee|Vesijumppa|Vattengymnastik|Aqua aerobics|Vesijumppa uimahallissa ohjaajan johdolla. Uimahallin maksu omalla kustannuksella.|Vattengymnastik i simhallen med ledare. Simhallsavgiften betalar du själv.
recreation|M|seniors fee register|Retkipäivä|Utflyktsdag|Day trip|Kerran kuussa bussiretki teatteriin, kylpylään tai kesäteatteriin.|En gång i månaden en bussutflykt till teater, spa eller sommarteater.
training|M|digi|Tablettikerho|Surfplattsklubben|Tablet club|Opetellaan yhdessä tabletin käyttöä: videopuhelut, kuvat ja asiointi.|Vi lär oss tillsammans att använda surfplattan: videosamtal, bilder och ärenden.
recreation|W|seniors|Lauluryhmä|Sånggruppen|Singing group|Laulamme tuttuja lauluja ja opettelemme uusia. Nuotteja ei tarvitse osata.|Vi sjunger kända sånger och lär oss nya. Du behöver inte kunna noter.
""",
    "mll": """
meeting_place|W2|families|Perhekahvila|Familjecafé|Family café|Avoin kohtaamispaikka vauva- ja taaperoperheille: leikkiä, juttuseuraa ja kahvia.|En öppen mötesplats för familjer med bebisar och småbarn: lek, sällskap och kaffe.
volunteering|A|families fee|Lastenhoitoapu|Barnvaktshjälp|Childminding help|Koulutettu lastenhoitaja tulee kotiin, kun perhe tarvitsee tilapäistä apua.|En utbildad barnvakt kommer hem till er när familjen behöver tillfällig hjälp.
support_group|W|families register|Vauvaperheiden vertaisryhmä|Kamratgrupp för familjer med bebisar|Peer group for families with babies|Kuuden kerran ryhmä ensimmäisen lapsen saaneille vanhemmille.|En grupp på sex träffar för föräldrar som fått sitt första barn.
volunteering|W|families|Lasten ja nuorten kaveritoiminta|Kompisverksamhet för barn och unga|Buddy activity for children and young people|Vapaaehtoinen aikuinen kaveri tapaa lasta tai nuorta säännöllisesti.|En frivillig vuxen kompis träffar barnet eller den unga regelbundet.
recreation|M|families|Isä–lapsi-kerho|Pappa–barn-klubben|Dad and child club|Isät ja lapset leikkivät, liikkuvat ja syövät yhdessä kerran kuussa.|Pappor och barn leker, rör på sig och äter tillsammans en gång i månaden.
""",
    "a-kilta": """
peer_support|W|substance|Päihteettömän arjen vertaisryhmä|Kamratgrupp för en vardag utan rusmedel|Peer group for a life without substances|Ryhmässä tuetaan toisia raitistumisessa ja päihteettömän arjen rakentamisessa.|Vi stöder varandra i att bli nyktra och bygga en vardag utan rusmedel.
meeting_place|D|substance meeting|Kiltatupa|Gillestugan|The guild drop-in|Päihteetön olohuone, jossa on kahvia, lehtiä ja seuraa.|Ett rusfritt vardagsrum med kaffe, tidningar och sällskap.
recreation|W|substance|Kiltalaisten liikuntavuoro|Gillets motionstur|The guild's sports hour|Salibandya ja kuntosalia päihteettömässä porukassa.|Innebandy och gym i ett rusfritt gäng.
peer_support|M|substance|Läheisten ilta|Kväll för anhöriga|Evening for family members|Päihteitä käyttävän läheiset jakavat kokemuksiaan.|Anhöriga till personer som använder rusmedel delar sina erfarenheter.
""",
    "kriisikeskus": """
crisis_help|A|crisis|Kriisikeskustelut|Krissamtal|Crisis counselling|Maksutonta keskusteluapua äkillisessä elämän kriisissä. Ajan saa yleensä muutamassa päivässä.|Avgiftsfritt samtalsstöd i en plötslig livskris. Du får oftast en tid inom några dagar.
crisis_help|D|crisis|Kriisipuhelin|Kristelefon|Crisis phone line|Soita, kun tarvitset jonkun kuuntelemaan. Nimettömänä ja maksutta.|Ring när du behöver någon som lyssnar. Anonymt och avgiftsfritt.
support_group|B|crisis register|Itsemurhan kautta läheisensä menettäneiden ryhmä|Grupp för dig som förlorat en närstående genom självmord|Group for those bereaved by suicide|Suljettu vertaisryhmä, jota ohjaavat kriisityöntekijä ja vertaisohjaaja.|En sluten grupp ledd av en krisarbetare och en kamratledare.
advice|W|crisis online|Chat-päivystys|Chattjour|Online chat|Kirjoita kriisityöntekijälle nimettömänä verkossa.|Skriv anonymt till en krisarbetare på nätet.
""",
    "nuorisoseura": """
recreation|W|youth fee|Lasten teatterikerho|Teaterklubb för barn|Children's theatre club|7–12-vuotiaiden kerho: improa, näytelmiä ja kevätesitys.|Klubb för 7–12-åringar: impro, pjäser och en vårföreställning.
recreation|W|youth|Nuorten bändikerho|Bandklubb för unga|Youth band club|Soitetaan yhdessä seurantalon bändikämpällä. Soittimet löytyvät talosta.|Vi spelar tillsammans i föreningshusets replokal. Instrument finns.
recreation|W|youth|Kansantanssiryhmä|Folkdansgrupp|Folk dance group|Kansantansseja kaikenikäisille, esiintymisiä kesäjuhlissa.|Folkdans för alla åldrar, uppträdanden på sommarfester.
meeting_place|W2|youth|Nuorten ilta seurantalolla|Ungdomskväll i föreningshuset|Youth evening at the village hall|Pelejä, välipalaa ja turvallinen aikuinen paikalla.|Spel, mellanmål och en trygg vuxen på plats.
""",
    "invalidit": """
advice|A|disability|Vammaisneuvonta|Rådgivning om funktionsnedsättning|Disability advice|Apua vammaispalvelujen, kuljetuspalvelun ja Kelan etuuksien hakemiseen.|Hjälp med att ansöka om handikappservice, färdtjänst och FPA:s förmåner.
recreation|W|disability fee|Allasjumppa|Vattengympa|Pool exercise|Lämpimässä terapia-altaassa ohjattu jumppa liikuntarajoitteisille.|Ledd gympa i en varm terapibassäng för personer med rörelsehinder.
peer_support|M|disability|Liikuntavammaisten vertaisryhmä|Kamratgrupp för personer med rörelsehinder|Peer group for people with mobility impairments|Jaetaan kokemuksia arjesta, apuvälineistä ja esteettömyydestä.|Vi delar erfarenheter av vardagen, hjälpmedel och tillgänglighet.
recreation|M|disability|Retket ja tapahtumat|Utflykter och evenemang|Trips and events|Esteettömiä retkiä ja teatterikäyntejä kerran kuussa.|Tillgängliga utflykter och teaterbesök en gång i månaden.
""",
    "kuurot": """
meeting_place|W|deaf|Viittomakielinen kerhoilta|Teckenspråkig klubbkväll|Sign language club evening|Tavataan, vaihdetaan kuulumiset ja kuullaan ajankohtaisia asioita viittomakielellä.|Vi träffas, byter nyheter och hör om aktuella saker på teckenspråk.
training|W|deaf register fee|Viittomakielen alkeiskurssi|Nybörjarkurs i teckenspråk|Beginners' sign language course|Kuuroille ja kuuleville: opi viittomakielen perusteet kymmenessä illassa.|För döva och hörande: lär dig grunderna i teckenspråk på tio kvällar.
peer_support|M|deaf|Ikääntyvien kuurojen ryhmä|Grupp för äldre döva|Group for older deaf people|Vertaistukea ja virkistystä omalla kielellä.|Kamratstöd och rekreation på ditt eget språk.
advice|A|deaf|Neuvonta viittomakielellä|Rådgivning på teckenspråk|Advice in sign language|Apua asiointiin, tulkkipalveluun ja etuuksiin viittomakielellä.|Hjälp med ärenden, tolktjänst och förmåner på teckenspråk.
""",
    "nakovammaiset": """
advice|A|sight|Näkövammaisten neuvonta|Rådgivning för synskadade|Advice for the visually impaired|Neuvontaa apuvälineistä, palveluista ja arjen keinoista, kun näkö heikkenee.|Råd om hjälpmedel, tjänster och vardagsknep när synen försämras.
peer_support|M|sight|Vertaisryhmä näkönsä menettäneille|Kamratgrupp för dig som förlorat synen|Peer group for those who have lost their sight|Tukea ja tietoa, kun näkö on heikentynyt aikuisena.|Stöd och kunskap när synen har försämrats i vuxen ålder.
recreation|W|sight fee|Keilailuryhmä|Bowlinggrupp|Bowling group|Näkövammaisten keilailua avustajien kanssa.|Bowling för synskadade med assistenter.
training|B|sight register|Pistekirjoituksen kurssi|Kurs i punktskrift|Braille course|Opettele lukemaan ja kirjoittamaan pistekirjoitusta.|Lär dig läsa och skriva punktskrift.
""",
    "kehitysvammaiset": """
recreation|W|intellectual|Musiikkiryhmä|Musikgrupp|Music group|Laulua, rytmiä ja soittamista selkokielisen ohjaajan kanssa.|Sång, rytm och musik med en ledare som talar lättläst.
peer_support|M|intellectual|Vanhempien vertaisryhmä|Kamratgrupp för föräldrar|Peer group for parents|Kehitysvammaisten lasten ja aikuisten vanhemmat tapaavat.|Föräldrar till barn och vuxna med intellektuell funktionsnedsättning träffas.
recreation|W|intellectual|Liikuntakerho|Motionsklubb|Sports club|Pelejä ja liikuntaa omaan tahtiin.|Spel och motion i egen takt.
recreation|M|intellectual fee|Disko|Disko|Disco|Kuukauden kohokohta: tanssia, musiikkia ja ystäviä.|Månadens höjdpunkt: dans, musik och vänner.
""",
    "monikulttuuri": """
training|W2|migrants|Suomen kielen kerho|Finska språkklubben|Finnish language club|Harjoitellaan arjen suomea rennosti keskustellen.|Vi övar vardagsfinska genom avslappnade samtal.
meeting_place|W|migrants|Naisten kohtaamispaikka|Mötesplats för kvinnor|Women's meeting place|Maahan muuttaneiden ja kantasuomalaisten naisten yhteinen iltapäivä.|En gemensam eftermiddag för invandrade och infödda kvinnor.
advice|W|migrants|Asiointiapu|Hjälp med ärenden|Help with paperwork|Apua lomakkeisiin, viranomaisten kirjeisiin ja ajanvarauksiin.|Hjälp med blanketter, myndighetsbrev och tidsbokningar.
recreation|M|migrants|Kulttuuri-ilta|Kulturkväll|Culture evening|Ruokaa, musiikkia ja tarinoita eri puolilta maailmaa.|Mat, musik och berättelser från olika delar av världen.
""",
    "ukraina": """
advice|W|migrants|Neuvontapiste ukrainalaisille|Rådgivning för ukrainare|Advice point for Ukrainians|Neuvontaa ukrainaksi ja venäjäksi: asuminen, työ, koulu ja palvelut.|Rådgivning på ukrainska och ryska: boende, arbete, skola och tjänster.
meeting_place|W|migrants families|Lasten leikkikerho|Lekklubb för barn|Children's play club|Ukrainalaisten ja suomalaisten lasten yhteinen leikkikerho.|En gemensam lekklubb för ukrainska och finska barn.
training|W|migrants|Suomen kielen keskusteluryhmä|Samtalsgrupp på finska|Finnish conversation group|Vapaaehtoiset keskustelevat suomeksi arjen tilanteista.|Frivilliga samtalar på finska om vardagliga situationer.
support_group|B|migrants|Äitien vertaisryhmä|Kamratgrupp för mammor|Mothers' peer group|Ukrainalaiset äidit jakavat arkea ja huolia uudessa maassa.|Ukrainska mammor delar vardag och oro i ett nytt land.
""",
    "diabetes": """
peer_support|M|health|Tyypin 2 diabeetikoiden vertaisryhmä|Kamratgrupp för typ 2-diabetiker|Type 2 diabetes peer group|Jaetaan kokemuksia hoidosta, ruokavaliosta ja liikunnasta.|Vi delar erfarenheter av vård, kost och motion.
recreation|W|health|Kävelyryhmä|Promenadgrupp|Walking group|Reipas tunnin kävely ohjaajan kanssa säällä kuin säällä.|En rask promenad på en timme med ledare i alla väder.
training|M|health|Ruokavalioluento|Föreläsning om kost|Talk on diet|Ravitsemusterapeutti kertoo arjen ruokavalinnoista.|En näringsterapeut berättar om matval i vardagen.
advice|A|health|Diabeteshoitajan neuvonta|Rådgivning hos diabetesskötare|Diabetes nurse advice|Yhdistyksen diabeteshoitaja neuvoo omahoidossa.|Föreningens diabetesskötare ger råd om egenvård.
""",
    "sydan": """
recreation|W|health seniors_exercise fee|Sydänjumppa|Hjärtgympa|Heart-friendly exercise|Turvallista liikuntaa sydänsairaille fysioterapeutin ohjauksessa.|Trygg motion för hjärtpatienter med en fysioterapeut.
peer_support|M|health|Sydänkuntoutujien vertaisryhmä|Kamratgrupp för hjärtrehabilitering|Peer group for heart patients|Sydäntapahtuman jälkeen: toipuminen, pelot ja arjen muutokset.|Efter en hjärthändelse: återhämtning, rädslor och förändringar i vardagen.
training|M|health register|Elvytyskoulutus|Kurs i hjärt-lungräddning|CPR training|Kahden tunnin käytännön harjoitus elvytyksestä ja defibrillaattorista.|En praktisk övning på två timmar i hjärt-lungräddning och hjärtstartare.
recreation|W|health|Sydänkävely|Hjärtpromenad|Heart walk|Yhteinen kävelylenkki ja lopuksi kahvit.|En gemensam promenad och kaffe efteråt.
""",
    "tyottomat": """
meeting_place|D|work fee|Yhdistyksen tupa ja edullinen lounas|Föreningens stuga och förmånlig lunch|Drop-in and low-cost lunch|Kohtaamispaikka ja lämmin lounas muutamalla eurolla.|En mötesplats och varm lunch för några euro.
advice|A|work|Työnhaun ja etuuksien neuvonta|Rådgivning om jobbsökning och förmåner|Job search and benefits advice|Apua CV:n tekoon, työnhakuun ja työttömyysturvaan.|Hjälp med cv, jobbsökning och arbetslöshetsskydd.
volunteering|W|work|Kierrätyspaja|Återbruksverkstaden|Recycling workshop|Korjataan huonekaluja ja polkupyöriä yhdessä – samalla oppii uutta.|Vi reparerar möbler och cyklar tillsammans och lär oss nytt.
peer_support|B|work|Vertaisryhmä pitkään työttömänä olleille|Kamratgrupp för långtidsarbetslösa|Peer group for the long-term unemployed|Jaksamista, arjen rytmiä ja uusia suuntia.|Ork, vardagsrytm och nya riktningar.
""",
    "ensikoti": """
support_group|W|families register|Vauvaperheiden tukiryhmä|Stödgrupp för familjer med bebisar|Support group for families with babies|Ryhmä vanhemmille, joiden arki vauvan kanssa tuntuu raskaalta.|En grupp för föräldrar som tycker att vardagen med bebisen känns tung.
advice|A|families|Keskusteluapu raskaana oleville ja vauvaperheille|Samtalsstöd för gravida och familjer med bebisar|Support for expectant parents and families with babies|Maksuton työntekijän tapaaminen, kun odotusaika tai vauva-arki huolettaa.|Ett avgiftsfritt samtal med en anställd när graviditeten eller vardagen med bebisen oroar.
crisis_help|A|violence|Lähisuhdeväkivallan avopalvelu|Öppenvård vid våld i nära relationer|Support for those experiencing domestic violence|Keskusteluapua väkivaltaa kokeneille ja väkivaltaa käyttäneille.|Samtalsstöd för den som utsatts för eller använt våld.
support_group|W|families|Isäryhmä|Pappagrupp|Fathers' group|Pienten lasten isät keskustelevat isyydestä ja arjesta.|Pappor till små barn samtalar om faderskap och vardag.
""",
    "yksinhuoltajat": """
peer_support|M|families|Yhden vanhemman perheiden vertaisryhmä|Kamratgrupp för enförälderfamiljer|Peer group for single-parent families|Lapset leikkivät omassa ryhmässään sillä aikaa, kun vanhemmat juttelevat.|Barnen leker i en egen grupp medan föräldrarna pratar.
recreation|M|families fee|Perheiden retkipäivä|Utflyktsdag för familjer|Family day trip|Edullisia retkiä luontoon, kylpylään ja huvipuistoon.|Förmånliga utflykter till naturen, spa och nöjesparker.
advice|A|families|Eroneuvonta|Rådgivning vid skilsmässa|Advice after separation|Tukea eron jälkeen: lasten asiat, talous ja oma jaksaminen.|Stöd efter skilsmässan: barnens ärenden, ekonomi och egen ork.
meeting_place|W|families|Lauantaikahvila perheille|Lördagskafé för familjer|Saturday café for families|Avoin kohtaamispaikka lauantaisin – kahvia, leikkiä ja juttuseuraa.|En öppen mötesplats på lördagar – kaffe, lek och sällskap.
""",
    "sateenkaari": """
meeting_place|W|rainbow|Sateenkaarinuorten ilta|Kväll för regnbågsunga|Rainbow youth evening|Turvallinen ilta 13–29-vuotiaille sateenkaarinuorille.|En trygg kväll för regnbågsunga i åldern 13–29.
peer_support|M|rainbow|Sateenkaarivanhempien ryhmä|Grupp för regnbågsföräldrar|Rainbow parents' group|Sateenkaariperheiden ja sateenkaarinuorten vanhempien vertaistukea.|Kamratstöd för regnbågsfamiljer och föräldrar till regnbågsunga.
advice|A|rainbow|Keskusteluapua sateenkaari-ihmisille|Samtalsstöd för regnbågsmänniskor|Someone to talk to for LGBTIQ+ people|Luottamuksellista keskusteluapua sukupuoleen ja seksuaalisuuteen liittyvissä kysymyksissä.|Förtroligt samtalsstöd i frågor om kön och sexualitet.
peer_support|B|rainbow online|Transihmisten vertaisryhmä verkossa|Kamratgrupp för transpersoner på nätet|Online peer group for trans people|Ryhmä kokoontuu verkossa, joten mukaan pääsee mistä päin tahansa.|Gruppen träffas på nätet, så du kan delta var du än bor.
""",
    "klubitalo": """
club_house|D|clubhouse|Klubitalo – avoinna arkisin|Klubbhuset – öppet vardagar|The clubhouse – open on weekdays|Jäsenet ja henkilökunta tekevät yhdessä talon työt: keittiö, toimisto ja viestintä. Tervetuloa tutustumaan!|Medlemmar och personal sköter huset tillsammans: kök, kontor och kommunikation. Välkommen att bekanta dig!
advice|A|clubhouse work|Siirtymätyö ja työhön paluun tuki|Övergångsarbete och stöd för att återgå till arbete|Transitional employment and return to work|Klubitalo auttaa löytämään siirtymätyöpaikan ja tukee työn alussa.|Klubbhuset hjälper dig att hitta ett övergångsarbete och stöder dig i början.
recreation|W|clubhouse|Klubitalon iltaryhmä|Klubbhusets kvällsgrupp|Clubhouse evening group|Pelejä, leffoja ja retkiä myös iltaisin.|Spel, film och utflykter också på kvällarna.
training|W|clubhouse study|Opiskelun tuki -ryhmä|Grupp för stöd i studier|Study support group|Tukea opintojen aloittamiseen tai jatkamiseen sairastumisen jälkeen.|Stöd för att börja eller fortsätta studera efter insjuknandet.
""",
    "vapaaehtoiskeskus": """
volunteering|A|volunteers|Vapaaehtoistyön välitys|Förmedling av frivilliguppdrag|Volunteer matching|Kerro, mitä haluaisit tehdä – etsimme sinulle sopivan vapaaehtoistehtävän.|Berätta vad du vill göra – vi hittar ett frivilliguppdrag som passar dig.
training|M|volunteers register|Vapaaehtoisten perehdytys|Introduktion för frivilliga|Introduction for volunteers|Ilta vapaaehtoistyön aloittajille: oikeudet, vastuut ja tuki.|En kväll för nya frivilliga: rättigheter, ansvar och stöd.
volunteering|W|volunteers lonely|Kauppakassiapu|Hjälp med matkassen|Grocery help|Vapaaehtoiset hakevat ostokset kotona asuville ikäihmisille.|Frivilliga handlar åt äldre som bor hemma.
volunteering|M|volunteers|Kertaluonteiset talkoot|Engångstalkon|One-off volunteering days|Tapahtumia ja talkoita, joihin voi tulla mukaan kerran.|Evenemang och talkon där du kan vara med en enda gång.
""",
    "ystavapalvelu": """
volunteering|A|lonely|Henkilökohtainen ystävätoiminta|Personlig vänverksamhet|One-to-one befriending|Koulutettu vapaaehtoinen ystävä tapaa sinua säännöllisesti.|En utbildad frivillig vän träffar dig regelbundet.
volunteering|W|lonely|Ryhmäystävätoiminta palvelutalossa|Gruppvänverksamhet på servicehuset|Group befriending at the service home|Vapaaehtoiset ohjaavat laulu- ja muisteluhetkiä palvelutalon asukkaille.|Frivilliga leder sång- och minnesstunder för servicehusets invånare.
volunteering|W|lonely|Puhelinystävä|Telefonvän|Telephone friend|Vapaaehtoinen soittaa sovittuna päivänä ja juttelee kanssasi.|En frivillig ringer på en avtalad dag och pratar med dig.
training|M|lonely register|Ystäväkurssi|Vänkurs|Befriending course|Kolmen illan kurssi uusille ystävävapaaehtoisille.|En kurs på tre kvällar för nya frivilliga vänner.
""",
    "martat": """
training|M|food fee register|Ruokakurssi|Matlagningskurs|Cooking course|Kokataan edullisesti ja kasvispainotteisesti yhdessä.|Vi lagar förmånlig och vegetarisk mat tillsammans.
advice|A|food|Kotitalousneuvonta|Hushållsrådgivning|Household advice|Neuvontaa ruoanlaittoon, siivoukseen ja kodin talouteen.|Råd om matlagning, städning och hushållsekonomi.
recreation|B|food|Marttailta|Marthakväll|Martha evening|Jäsenilta: käsitöitä, vieraita ja yhteisiä hankkeita.|Medlemskväll: handarbete, gäster och gemensamma projekt.
meeting_place|M|food lonely|Yhteinen ateria|Gemensam måltid|Shared meal|Kerran kuussa edullinen lounas ja seuraa kaikille.|En gång i månaden förmånlig lunch och sällskap för alla.
""",
    "spr": """
volunteering|W|lonely|Ystävätoiminta|Vänverksamhet|Befriending|Vapaaehtoinen ystävä yksinäiselle – kotona, kävelyllä tai kahvilla.|En frivillig vän för den som är ensam – hemma, på promenad eller på kafé.
training|M|firstaid fee register|Ensiapukurssi|Första hjälpen-kurs|First aid course|Ensiavun perusteet kahdessa päivässä. Kurssista saa todistuksen.|Grunderna i första hjälpen på två dagar. Du får ett intyg.
meeting_place|W|migrants|Kielikahvila|Språkkafé|Language café|Harjoitellaan suomea yhdessä vapaaehtoisten kanssa.|Vi övar finska tillsammans med frivilliga.
volunteering|W|food|Ruoka-apu|Mathjälp|Food aid|Ruokakassien jako vähävaraisille kerran viikossa.|Matkassar delas ut till mindre bemedlade en gång i veckan.
advice|M|health|Terveyspiste|Hälsopunkten|Health point|Verenpaineen mittausta ja terveysneuvontaa ilman ajanvarausta.|Blodtrycksmätning och hälsoråd utan tidsbokning.
""",
    "asunnottomat": """
meeting_place|D|homeless|Päiväkeskus|Dagcenter|Day centre|Aamupala, suihku, pyykinpesu ja juttuseuraa asunnottomille ja asunnottomuuden uhassa eläville.|Morgonmål, dusch, tvätt och sällskap för bostadslösa och dem som riskerar att bli bostadslösa.
advice|A|homeless|Asumisneuvonta|Boenderådgivning|Housing advice|Apua vuokrarästeihin, asunnon hakemiseen ja häätöuhkaan.|Hjälp med hyresskulder, bostadsansökan och hot om vräkning.
volunteering|W|homeless food|Yhteinen ateria|Gemensam måltid|Shared meal|Vapaaehtoisten valmistama lämmin ateria kaikille tulijoille.|En varm måltid lagad av frivilliga för alla som kommer.
peer_support|W|homeless substance|Vertaistukiryhmä asunnottomuudesta selvinneille|Kamratgrupp för dig som tagit dig ur bostadslöshet|Peer group for people who have left homelessness|Tukea uuden kodin ja arjen rakentamiseen.|Stöd för att bygga upp ett nytt hem och en ny vardag.
""",
    "hengitys": """
recreation|W|health|Hengitysjumppa|Andningsgympa|Breathing exercise|Hengitystä helpottavaa liikuntaa astmaa ja keuhkoahtaumaa sairastaville.|Motion som underlättar andningen för personer med astma och KOL.
peer_support|M|health|Uniapneaa sairastavien vertaisryhmä|Kamratgrupp för personer med sömnapné|Sleep apnoea peer group|Vinkkejä laitehoitoon ja arjen jaksamiseen.|Tips om apparatbehandling och ork i vardagen.
training|M|health|Hengityshoitajan luento|Föreläsning av andningsskötare|Talk by a respiratory nurse|Ajankohtaista tietoa hengityssairauksista ja omahoidosta.|Aktuell kunskap om andningssjukdomar och egenvård.
recreation|W|health|Sauvakävely|Stavgång|Nordic walking|Reipas sauvakävely ohjaajan kanssa, myös aloittelijoille.|Rask stavgång med ledare, också för nybörjare.
""",
    "nuorten-tuki": """
meeting_place|W2|youth|Nuorten olohuone|Ungas vardagsrum|Youth living room|Matalan kynnyksen paikka 15–29-vuotiaille: pelejä, välipalaa ja aikuinen, jolle voi jutella.|En lågtröskelplats för 15–29-åringar: spel, mellanmål och en vuxen att prata med.
advice|A|youth talk|Nuorten keskusteluapu|Samtalsstöd för unga|Someone to talk to for young people|Luottamuksellista keskusteluapua nuorelle ilman lähetettä.|Förtroligt samtalsstöd för unga utan remiss.
support_group|W|youth register|Arki haltuun -ryhmä|Gruppen Få grepp om vardagen|Getting a grip on everyday life|Ryhmä nuorille aikuisille, jotka etsivät suuntaa opiskeluun tai työhön.|En grupp för unga vuxna som söker riktning mot studier eller arbete.
advice|W|youth online|Nuorten chat|Chatt för unga|Youth chat|Kirjoita nimettömänä nuorisotyöntekijälle verkossa.|Skriv anonymt till en ungdomsarbetare på nätet.
""",
    "erityisliikunta": """
recreation|W|disability|Soveltava sählyvuoro|Anpassad innebandy|Adapted floorball|Sählyä kaikille kyvyistä riippumatta.|Innebandy för alla oavsett förmåga.
recreation|W|disability fee|Allasliikunta|Bassängmotion|Pool exercise|Ohjattua liikuntaa lämpimässä altaassa.|Ledd motion i en varm bassäng.
recreation|W|disability seniors_exercise|Kuntosaliryhmä|Gymgrupp|Gym group|Ohjattu kuntosaliryhmä pitkäaikaissairaille ja liikuntarajoitteisille.|En ledd gymgrupp för långtidssjuka och personer med rörelsehinder.
recreation|B|disability|Boccia|Boccia|Boccia|Tarkkuutta ja hyvää seuraa – sopii pyörätuolin käyttäjille.|Precision och gott sällskap – passar rullstolsanvändare.
""",
    "mielenterveysomaiset": """
peer_support|M|relatives|Omaisten vertaistukiryhmä|Kamratgrupp för anhöriga|Peer group for family members|Ryhmä läheisille, joiden perheenjäsen sairastaa psyykkisesti.|En grupp för anhöriga vars familjemedlem har en psykisk sjukdom.
advice|A|relatives|Omaisneuvonta|Rådgivning för anhöriga|Advice for family members|Keskusteluapua ja tietoa hoidosta, palveluista ja omasta jaksamisesta.|Samtalsstöd och kunskap om vård, tjänster och egen ork.
support_group|W|relatives youth register|Ryhmä nuorille, joiden vanhempi sairastaa|Grupp för unga vars förälder är sjuk|Group for young people whose parent is ill|13–18-vuotiaiden ryhmä: tietoa, tukea ja lupa olla nuori.|En grupp för 13–18-åringar: kunskap, stöd och lov att vara ung.
training|M|relatives register|Omaisten ensitietokurssi|Introduktionskurs för anhöriga|Introductory course for family members|Tietoa psyykkisistä sairauksista ja omaisen oikeuksista.|Kunskap om psykiska sjukdomar och de anhörigas rättigheter.
""",
    "kyla": """
meeting_place|W|village lonely|Kyläkahvila|Bykafé|Village café|Kylän kohtaamispaikka: kahvia, pullaa ja kuulumisia.|Byns mötesplats: kaffe, bulle och nyheter.
recreation|W|village seniors_exercise|Kylätalon jumppa|Gympa i bystugan|Exercise at the village hall|Liikuntaa kaikenikäisille kylän omassa talossa.|Motion för alla åldrar i byns eget hus.
volunteering|M|village|Kylätalkoot|Bytalko|Village work day|Kunnostetaan kylätaloa ja uimarantaa yhdessä.|Vi rustar upp bystugan och badstranden tillsammans.
recreation|M|village seniors lonely|Kylän ikäihmisten kerho|Byns seniorklubb|Village seniors' club|Kerran kuussa ruokailu, ohjelmaa ja yhteiskuljetus kylältä.|En gång i månaden mat, program och gemensam skjuts från byn.
""",
    # Kinds of the hand-written NGOs that the generated kinds do not cover.
    "yhteistyo": """
advice|M|ngo|Järjestöjen avustusklinikka|Understödsklinik för föreningar|Grant clinic for NGOs|Apua avustushakemuksen, talousarvion ja käyttöselvityksen tekoon.|Hjälp med understödsansökan, budget och redovisning.
training|M|ngo register|Järjestöfoorumi|Organisationsforum|NGO forum|Järjestöt ja viranhaltijat kohtaavat: ajankohtaiset asiat ja yhteinen kehittäminen.|Organisationer och tjänstemän möts: aktuella frågor och gemensam utveckling.
training|B|ngo volunteers register|Vapaaehtoistoiminnan koordinoinnin koulutus|Utbildning i att koordinera frivilliga|Training in coordinating volunteers|Koulutus yhdistysten vapaaehtoistoiminnan vastaaville.|Utbildning för dem som ansvarar för frivilliga i föreningar.
""",
    "saame": """
training|W|sami|Saamen kielen kielikahvila|Språkkafé på samiska|Sámi language café|Puhutaan pohjoissaamea kahvikupin ääressä – aloittelijat tervetulleita.|Vi talar nordsamiska över en kopp kaffe – nybörjare välkomna.
recreation|B|sami|Duodji-ilta|Duodji-kväll|Duodji craft evening|Tehdään saamelaisia käsitöitä yhdessä.|Vi gör samiskt hantverk tillsammans.
meeting_place|W|sami seniors lonely|Ikäihmisten saamenkielinen kerho|Samiskspråkig klubb för äldre|Sámi-language club for older people|Kahvia, muistelua ja laulua omalla kielellä.|Kaffe, minnen och sång på det egna språket.
""",
    "suru": """
peer_support|B|grief register|Sururyhmä|Sorggrupp|Bereavement group|Kahdeksan kerran ryhmä läheisensä menettäneille.|En grupp på åtta träffar för dig som förlorat en närstående.
meeting_place|M|grief|Surukahvila|Sorgkafé|Grief café|Avoin kohtaamispaikka surun keskellä oleville.|En öppen mötesplats för dig som sörjer.
crisis_help|A|grief crisis|Keskusteluapua surussa|Samtalsstöd i sorgen|Someone to talk to in grief|Koulutettu vapaaehtoinen tapaa tai soittaa.|En utbildad frivillig träffar dig eller ringer.
""",
    "folkhalsan": """
meeting_place|W2|families|Perhekahvila|Familjecafé|Family café|Avoin kohtaamispaikka perheille, joissa on pieniä lapsia.|En öppen mötesplats för familjer med små barn.
recreation|W|seniors seniors_exercise fee|Seniorijumppa|Seniorgympa|Seniors' exercise class|Liikuntaa ja tasapainoharjoituksia ikäihmisille.|Motion och balansövningar för äldre.
recreation|W|families fee register|Vauvamuskari|Babyrytmik|Baby music class|Laulua, loruja ja rytmejä vauvoille ja vanhemmille.|Sång, ramsor och rytmer för bebisar och föräldrar.
advice|A|health|Terveysneuvonta|Hälsorådgivning|Health advice|Terveydenhoitaja neuvoo elintavoissa ja arjen terveydessä.|En hälsovårdare ger råd om levnadsvanor och hälsa i vardagen.
""",
    "kuulo": """
peer_support|M|deaf|Huonokuuloisten vertaisryhmä|Kamratgrupp för hörselskadade|Peer group for the hard of hearing|Kokemuksia kuulokojeista, sisäkorvaistutteista ja arjen kuulemisesta.|Erfarenheter av hörapparater, cochleaimplantat och hörsel i vardagen.
advice|A|deaf|Kuuloneuvonta|Hörselrådgivning|Hearing advice|Apua kuulokojeen käyttöön ja huoltoon sekä apuvälineisiin.|Hjälp med hörapparaten, dess skötsel och andra hjälpmedel.
training|M|deaf register|Tukiviittomakurssi|Kurs i tecken som stöd|Key word signing course|Opettele tukiviittomia arjen avuksi.|Lär dig tecken som stöd i vardagen.
""",
}

# Hand-written demo NGOs (organisations.HANDWRITTEN) and the kind of activities each has.
HANDWRITTEN_KINDS = {
    "salon-mielenterveysseura-ry": "mielenterveys",
    "tampereen-jarjestoedustamo": "yhteistyo",
    "lapin-sosiaali-ja-terveysturvayhdistys-ry": "yhteistyo",
    "pohjois-karjalan-jane": "yhteistyo",
    "enontekion-saamelaisyhdistys": "saame",
    "tunturi-lapin-mielenterveysyhdistys-ry": "mielenterveys",
    "varsinais-suomen-mielenterveysomaiset-finfami-ry": "mielenterveysomaiset",
    "pirkanmaan-sydanpiiri-ry": "sydan",
    "pohjois-pohjanmaan-nuorisoseurat-ry": "nuorisoseura",
    "folkhalsan-i-borga": "folkhalsan",
    "borga-svenska-pensionarer-rf": "elakelaiset",
    "porvoon-seudun-omaishoitajat-ry": "omaishoitajat",
    "porvoon-mielenterveysseura-ry": "mielenterveys",
    "borga-marthaforening-rf": "martat",
    "kullo-byaforening-rf": "kyla",
    "borga-horselforening-rf": "kuulo",
    "porvoon-monikulttuuriyhdistys-ry": "monikulttuuri",
    "ita-uudenmaan-surutuki-ry": "suru",
}

# What a resident reads after the short description, by type of activity (fi, sv).
ABOUT = {
    "peer_support": (
        "Vertaisryhmässä kohtaat ihmisiä, jotka ymmärtävät, koska ovat kokeneet saman. Ryhmää ohjaa koulutettu "
        "vertaisohjaaja, ja siellä kerrottu jää ryhmään.",
        "I kamratgruppen möter du människor som förstår, eftersom de har varit med om samma sak. Gruppen leds av "
        "en utbildad kamratledare, och det som sägs stannar i gruppen.",
    ),
    "support_group": (
        "Ryhmää ohjaa ammattilainen yhdessä vapaaehtoisen kanssa. Jokaisella kerralla on oma teemansa, ja "
        "lopuksi jää aikaa vapaalle keskustelulle.",
        "Gruppen leds av en yrkesperson tillsammans med en frivillig. Varje träff har ett eget tema, och på "
        "slutet finns tid för fritt samtal.",
    ),
    "advice": (
        "Neuvonta on maksutonta ja luottamuksellista. Voit tulla yksin tai yhdessä läheisen kanssa.",
        "Rådgivningen är avgiftsfri och förtrolig. Du kan komma ensam eller tillsammans med en närstående.",
    ),
    "meeting_place": (
        "Kohtaamispaikkaan voi tulla silloin kun sopii, eikä mitään tarvitse osata tai selittää. Paikalla on "
        "aina työntekijä tai vapaaehtoinen.",
        "Till mötesplatsen kan du komma när det passar dig, och du behöver inte kunna eller förklara något. "
        "Det finns alltid en anställd eller en frivillig på plats.",
    ),
    "club_house": (
        "Klubitalo on mielenterveyskuntoutujien yhteisö, jossa jokainen on tervetullut ja tarpeellinen. "
        "Jäsenyys on maksuton ja vapaaehtoinen.",
        "Klubbhuset är en gemenskap för personer i psykiatrisk rehabilitering där alla är välkomna och behövda. "
        "Medlemskapet är avgiftsfritt och frivilligt.",
    ),
    "crisis_help": (
        "Kriisiapu on maksutonta, eikä siihen tarvita lähetettä. Jos tilanne on hengenvaarallinen, soita 112.",
        "Krishjälpen är avgiftsfri och kräver ingen remiss. Ring 112 om det är fråga om livsfara.",
    ),
    "volunteering": (
        "Toimintaa tekevät koulutetut vapaaehtoiset, joita yhdistys tukee ja kouluttaa. Myös uudet "
        "vapaaehtoiset ovat tervetulleita.",
        "Verksamheten sköts av utbildade frivilliga som föreningen stöder och utbildar. Nya frivilliga är också "
        "välkomna.",
    ),
    "recreation": (
        "Tärkeintä on yhdessä tekeminen ja hyvä mieli – kuntoa tai taitoja ei tarvitse olla valmiiksi.",
        "Det viktigaste är att göra saker tillsammans och må bra – du behöver inte ha kondition eller "
        "färdigheter från början.",
    ),
    "training": (
        "Kouluttajina toimivat alan asiantuntijat. Materiaalit saat mukaasi.",
        "Utbildarna är experter inom området. Du får materialet med dig.",
    ),
}

JOIN = {
    "just_come": ("Ilmoittautumista ei tarvita – tule sellaisena kuin olet.", "Ingen anmälan behövs – kom som du är."),
    "register": (
        "Ryhmään otetaan rajallinen määrä osallistujia, joten ilmoittaudu etukäteen puhelimessa tai sähköpostilla.",
        "Antalet platser är begränsat, så anmäl dig i förväg per telefon eller e-post.",
    ),
    "appointment": (
        "Varaa aika soittamalla tai lähettämällä sähköpostia. Vastaamme arkisin.",
        "Boka tid genom att ringa eller skicka e-post. Vi svarar på vardagar.",
    ),
}

# Where activities meet (fi, sv), by how the NGO works.
PLACE_NAMES = [
    ("Järjestötalo", "Organisationshuset"),
    ("Yhdistyksen toimitila", "Föreningens lokal"),
    ("Seurakuntakeskus, kerhohuone", "Församlingscentret, klubbrummet"),
    ("Pääkirjasto, ryhmätila", "Huvudbiblioteket, grupprummet"),
    ("Asukastupa", "Invånarstugan"),
    ("Palvelukeskus", "Servicecentret"),
    ("Kansalaisopisto, luokka 3", "Medborgarinstitutet, klass 3"),
]
SPORT_PLACES = [("Uimahalli", "Simhallen"), ("Urheilutalo, liikuntasali", "Idrottshuset, gymnastiksalen")]
VILLAGE_PLACES = [("Kylätalo", "Bystugan"), ("Nuorisoseurantalo", "Ungdomsföreningshuset")]
ACCESSIBILITY = (
    "Sisäänkäynti ilman portaita, hissi ja esteetön wc.",
    "Ingång utan trappor, hiss och tillgänglig toalett.",
)
APPOINTMENT_NOTE = (
    "Ajanvaraus arkisin puhelimitse tai sähköpostilla.",
    "Tidsbokning vardagar per telefon eller e-post.",
)
ONLINE_NOTE = ("Linkki lähetetään ilmoittautuneille.", "Länken skickas till dem som anmält sig.")
SUMMER_BREAK = ("Kesätauko", "Sommaruppehåll")
CHRISTMAS_BREAK = ("Joulutauko", "Jullov")
FEES = [("2 € / kerta", "2 € / gång"), ("5 € / kerta", "5 € / gång"), ("30 € / kausi", "30 € / termin")]
