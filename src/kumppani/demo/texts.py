"""Kinds of local NGO and the words they use about themselves, in Finnish, Swedish and English.

In the patterns {g} is the Finnish genitive of the place ("Salon", "Tampereen"), {sv} and {en} its
Swedish and English names. The benchmark builds its national register from the same kinds.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    key: str
    size: int  # the smallest town (places.Town.size) that has one
    founded: tuple[int, int]
    members: tuple[int, int]
    name: tuple[str, str, str]  # fi, sv, en
    themes: tuple[str, ...]
    targets: tuple[str, ...]
    languages: tuple[str, ...]  # besides Finnish
    short: tuple[str, str, str]
    long: tuple[str, str, str]


KINDS = [
    Kind(
        "mielenterveys",
        1,
        (1960, 1995),
        (60, 450),
        ("{g} Mielenterveysseura ry", "Mentalvårdsföreningen i {sv}", "{en} Mental Health Association"),
        ("mielenterveys", "vertaistuki", "yksinaisyys"),
        ("mielenterveyskuntoutujat",),
        (),
        (
            "Keskusteluapua, vertaisryhmiä ja avoin kohtaamispaikka kaikille, joita mielen asiat askarruttavat.",
            "Samtalsstöd, kamratgrupper och en öppen mötesplats för alla som funderar över sin psykiska hälsa.",
            "Someone to talk to, peer groups and an open meeting place for anyone with something on their mind.",
        ),
        (
            "Mielenterveysseura tukee {g} alueen asukkaiden mielen hyvinvointia. Meille voi tulla juttelemaan "
            "ilman ajanvarausta ja ilman lähetettä, vaikka ei vielä osaisi sanoa, mikä painaa. Vertaisryhmissä "
            "tapaat ihmisiä, jotka ovat kokeneet samaa, ja koulutetut vapaaehtoiset kuuntelevat kiireettä.",
            "Föreningen stöder den psykiska hälsan hos invånarna i {sv}. Du kan komma och prata utan "
            "tidsbeställning och utan remiss. I kamratgrupperna möter du människor som har varit med om samma sak.",
            "The association supports the mental wellbeing of people living in {en}. You can drop in for a chat "
            "without an appointment or a referral. In our peer groups you meet people who have been through the same.",
        ),
    ),
    Kind(
        "omaishoitajat",
        1,
        (1990, 2008),
        (60, 400),
        ("{g} Seudun Omaishoitajat ry", "Närståendevårdarna i {sv} med omnejd", "{en} Region Family Carers"),
        ("omaishoito", "vertaistuki", "neuvonta"),
        ("omaishoitajat", "ikaantyneet"),
        (),
        (
            "Tukea, tietoa ja virkistystä omaistaan hoitaville – myös silloin, kun et vielä tiedä olevasi "
            "omaishoitaja.",
            "Stöd, information och rekreation för dig som vårdar en närstående.",
            "Support, advice and time off for people who care for a family member.",
        ),
        (
            "Moni auttaa läheistään arjessa ajattelematta olevansa omaishoitaja. Yhdistys neuvoo omaishoidon "
            "tuessa ja vapaapäivissä, järjestää vertaisryhmiä {g} alueella ja virkistyspäiviä, joiden ajaksi "
            "hoidettavalle järjestetään seuraa. Omaishoitajan jaksaminen on meille tärkeintä.",
            "Föreningen ger råd om stöd för närståendevård och lediga dagar och ordnar kamratgrupper och "
            "rekreationsdagar. Vi vill att du som vårdar orkar.",
            "We advise on carer's allowance and days off, run peer groups and organise respite days. What matters "
            "most to us is that carers can keep going.",
        ),
    ),
    Kind(
        "muisti",
        1,
        (1985, 2005),
        (50, 350),
        ("{g} Seudun Muisti ry", "Minnesföreningen i {sv}", "{en} Memory Association"),
        ("muistisairaudet", "omaishoito", "vertaistuki"),
        ("ikaantyneet", "omaishoitajat"),
        (),
        (
            "Muistineuvontaa, muistikahviloita ja vertaistukea muistisairaille ja heidän läheisilleen.",
            "Minnesrådgivning, minnescaféer och kamratstöd för personer med minnessjukdom och deras närstående.",
            "Memory advice, memory cafés and peer support for people with memory disorders and their families.",
        ),
        (
            "Kun muisti alkaa pettää, moni asia muuttuu koko perheelle. Muistineuvojamme auttaa selvittämään, "
            "mistä apua saa, ja muistikahvilassa voi tavata muita samassa tilanteessa olevia. Järjestämme myös "
            "liikuntaryhmiä ja retkiä, joihin muistisairas ja läheinen voivat osallistua yhdessä.",
            "När minnet börjar svika förändras mycket för hela familjen. Vår rådgivare hjälper dig att hitta stöd, "
            "och på minnescaféet träffar du andra i samma situation.",
            "When memory starts to fail, a lot changes for the whole family. Our adviser helps you find support, and "
            "at the memory café you meet others in the same situation.",
        ),
    ),
    Kind(
        "elakelaiset",
        1,
        (1962, 1995),
        (80, 650),
        ("{g} Eläkeläiset ry", "Pensionärerna i {sv}", "{en} Pensioners' Association"),
        ("yksinaisyys", "liikunta", "yhteisollisyys"),
        ("ikaantyneet",),
        (),
        (
            "Kerhoja, liikuntaa, retkiä ja hyvää seuraa eläkeikäisille.",
            "Klubbar, motion, utflykter och gott sällskap för pensionärer.",
            "Clubs, exercise, trips and good company for retired people.",
        ),
        (
            "Eläkeläisyhdistyksessä kukaan ei jää yksin. Kokoonnumme joka viikko kerhoon, jossa on kahvia, "
            "vierailijoita ja arvontaa. Lisäksi meillä on tuolijumppaa, kuoro, lukupiiri ja kesäisin retkiä "
            "lähiseudulle. Uudet jäsenet ovat aina tervetulleita, myös ne, jotka ovat vasta muuttaneet {g} alueelle.",
            "Vi träffas varje vecka på klubben med kaffe, gäster och lotteri. Dessutom har vi stolgympa, kör, "
            "läsecirkel och sommarutflykter. Nya medlemmar är alltid välkomna.",
            "We meet weekly at our club with coffee, visiting speakers and a raffle. There is also chair exercise, "
            "a choir, a reading circle and summer outings. New members are always welcome.",
        ),
    ),
    Kind(
        "elakkeensaajat",
        1,
        (1965, 1990),
        (60, 500),
        ("{g} Eläkkeensaajat ry", "Pensionstagarna i {sv}", "{en} Pension Recipients' Association"),
        ("osallisuus", "liikunta", "neuvonta"),
        ("ikaantyneet",),
        (),
        (
            "Edunvalvontaa, vertaistukea ja virkistystä eläkkeensaajille.",
            "Intressebevakning, kamratstöd och rekreation för pensionstagare.",
            "Advocacy, peer support and recreation for pension recipients.",
        ),
        (
            "Pidämme huolta eläkkeensaajien asioista {g} alueella: seuraamme palveluja, annamme lausuntoja "
            "vanhusneuvostolle ja neuvomme etuuksien hakemisessa. Jäsenillassa puhutaan ajankohtaisista asioista, "
            "ja kuntosaliryhmä kokoontuu kahdesti viikossa.",
            "Vi bevakar pensionstagarnas intressen, ger utlåtanden till äldrerådet och hjälper till med att söka "
            "förmåner. Gymgruppen träffas två gånger i veckan.",
            "We look after pensioners' interests, give statements to the council for older people and help with "
            "applying for benefits. Our gym group meets twice a week.",
        ),
    ),
    Kind(
        "mll",
        1,
        (1921, 1955),
        (40, 400),
        ("MLL:n {g} yhdistys", "MLL:s förening i {sv}", "Mannerheim League for Child Welfare, {en}"),
        ("perhetyo", "vapaaehtoistoiminta", "yhteisollisyys"),
        ("lapsiperheet", "lapset"),
        (),
        (
            "Perhekahvila, tukihenkilöitä ja lastenhoitoapua lapsiperheille.",
            "Familjecafé, stödpersoner och barnvårdshjälp för barnfamiljer.",
            "A family café, support volunteers and childcare help for families with children.",
        ),
        (
            "Perhekahvilassa vanhemmat ja pienet lapset tapaavat toisiaan, ja vapaaehtoinen keittää kahvit. "
            "Koulutetut tukihenkilöt ja perhekummit auttavat perheitä, joilla on arjessa raskasta. Tilapäistä "
            "lastenhoitoa voi tilata, kun vanhempi tarvitsee hetken omaa aikaa.",
            "På familjecaféet träffas föräldrar och små barn. Utbildade stödpersoner hjälper familjer som har det "
            "tungt i vardagen, och du kan beställa tillfällig barnvård.",
            "At the family café parents and small children get together. Trained volunteers support families going "
            "through a hard time, and you can book occasional childcare.",
        ),
    ),
    Kind(
        "a-kilta",
        1,
        (1968, 1995),
        (25, 180),
        ("{g} A-kilta ry", "A-gillet i {sv}", "{en} A-Guild"),
        ("paihteet-ja-riippuvuudet", "vertaistuki"),
        ("paihteita-kayttavat",),
        (),
        (
            "Päihteetöntä yhdessäoloa ja vertaistukea toipumiseen – myös läheisille.",
            "Rusfri samvaro och kamratstöd för återhämtning – också för närstående.",
            "Substance-free company and peer support for recovery – for families too.",
        ),
        (
            "A-kilta on päihteistä toipuvien ja heidän läheistensä yhdistys. Kiltatalolla on avoimet ovet "
            "arkisin: siellä voi syödä edullisen lounaan, pelata, jutella ja osallistua toipujien vertaisryhmään. "
            "Kukaan ei kysele menneistä – tärkeintä on, että tulet.",
            "A-gillet är en förening för personer som återhämtar sig från beroende och deras närstående. "
            "Gillestugan är öppen vardagar, med billig lunch, spel och kamratgrupper.",
            "The A-Guild is an association for people recovering from addiction and for their families. Our guild "
            "house is open on weekdays with an affordable lunch, games and peer groups.",
        ),
    ),
    Kind(
        "kriisikeskus",
        2,
        (1985, 2005),
        (30, 150),
        ("{g} Kriisikeskus", "Kriscentret i {sv}", "{en} Crisis Centre"),
        ("kriisiapu", "mielenterveys", "lahisuhdevakivalta"),
        (),
        ("en",),
        (
            "Maksutonta keskusteluapua elämän kriiseissä – ilman lähetettä ja nimettömästi.",
            "Kostnadsfritt samtalsstöd i livets kriser – utan remiss och anonymt.",
            "Free crisis counselling – no referral needed, anonymously if you wish.",
        ),
        (
            "Kriisikeskukseen voi ottaa yhteyttä, kun elämässä on tapahtunut jotain, mikä horjuttaa: ero, "
            "läheisen kuolema, onnettomuus tai väkivalta. Koulutetut työntekijät ja vapaaehtoiset tarjoavat "
            "yhdestä viiteen keskustelukertaa kasvokkain tai puhelimessa. Palvelu on maksuton, eikä sinun "
            "tarvitse kertoa nimeäsi.",
            "Du kan vända dig till kriscentret när något har skakat om livet: skilsmässa, en närståendes död, en "
            "olycka eller våld. Vi erbjuder ett till fem samtal, kostnadsfritt och anonymt.",
            "Contact the crisis centre when something has shaken your life: a separation, a death, an accident or "
            "violence. We offer one to five free conversations, anonymously if you wish.",
        ),
    ),
    Kind(
        "nuorisoseura",
        1,
        (1890, 1950),
        (30, 260),
        ("{g} Nuorisoseura ry", "Ungdomsföreningen i {sv}", "{en} Youth Association"),
        ("yhteisollisyys", "osallisuus", "liikunta"),
        ("nuoret", "lapset"),
        (),
        (
            "Teatteria, tanssia ja harrastuksia lapsille ja nuorille seurantalolla.",
            "Teater, dans och hobbyer för barn och unga i föreningshuset.",
            "Theatre, dance and hobbies for children and young people at the association's hall.",
        ),
        (
            "Nuorisoseura on toiminut seurantalolla jo vuosikymmeniä. Meillä lapset ja nuoret pääsevät "
            "harrastamaan teatteria, kansantanssia ja sirkusta edullisesti, eikä kenenkään tarvitse olla valmiiksi "
            "taitava. Nuoret suunnittelevat itse osan toiminnasta, ja talo on perjantai-iltaisin avoinna nuorille.",
            "Hos oss kan barn och unga syssla med teater, folkdans och cirkus till ett lågt pris. På fredagskvällar "
            "är huset öppet för unga.",
            "Children and young people can take up theatre, folk dance and circus at a low price. On Friday evenings "
            "the hall is open for young people.",
        ),
    ),
    Kind(
        "invalidit",
        1,
        (1950, 1985),
        (40, 300),
        ("{g} Invalidit ry", "Invalidföreningen i {sv}", "{en} Disability Association"),
        ("vammaisuus", "esteettomyys", "neuvonta"),
        ("vammaiset",),
        (),
        (
            "Vertaistukea, neuvontaa ja esteettömyystyötä liikuntavammaisille.",
            "Kamratstöd, rådgivning och tillgänglighetsarbete för personer med rörelsehinder.",
            "Peer support, advice and accessibility work for people with reduced mobility.",
        ),
        (
            "Yhdistys kokoaa yhteen liikuntavammaiset ja pitkäaikaissairaat {g} alueella. Neuvomme "
            "vammaispalveluissa ja apuvälineissä, järjestämme vertaistapaamisia ja soveltavaa liikuntaa. "
            "Arvioimme myös rakennusten ja tapahtumien esteettömyyttä yhdessä kunnan kanssa.",
            "Vi ger råd om handikappservice och hjälpmedel, ordnar kamratträffar och anpassad motion och bedömer "
            "tillgängligheten i byggnader.",
            "We advise on disability services and assistive devices, hold peer meetings and adapted exercise, and "
            "assess the accessibility of buildings.",
        ),
    ),
    Kind(
        "kuurot",
        2,
        (1920, 1960),
        (25, 160),
        ("{g} Kuurojen Yhdistys ry", "Dövföreningen i {sv}", "{en} Association of the Deaf"),
        ("vammaisuus", "yhteisollisyys", "esteettomyys"),
        ("kuurot",),
        ("fse",),
        (
            "Viittomakielistä yhdessäoloa, tulkattuja tilaisuuksia ja vertaistukea.",
            "Samvaro på teckenspråk, tolkade evenemang och kamratstöd.",
            "Time together in sign language, interpreted events and peer support.",
        ),
        (
            "Kuurojen yhdistys on viittomakielisten kohtaamispaikka. Kerhoillat, liikuntavuorot ja retket "
            "pidetään suomalaisella viittomakielellä, ja suuriin tilaisuuksiin tilaamme tulkin. Neuvomme myös "
            "tulkkauspalvelun ja kuntoutuksen hakemisessa.",
            "Föreningen är en mötesplats för teckenspråkiga. Klubbkvällar, motion och utflykter hålls på finskt "
            "teckenspråk.",
            "A meeting place for sign language users: club evenings, sports and trips in Finnish Sign Language.",
        ),
    ),
    Kind(
        "nakovammaiset",
        2,
        (1935, 1975),
        (40, 250),
        ("{g} Seudun Näkövammaiset ry", "Synskadade i {sv} med omnejd", "{en} Region Visually Impaired"),
        ("vammaisuus", "esteettomyys", "vertaistuki"),
        ("nakovammaiset",),
        (),
        (
            "Vertaistukea, opastusta ja harrastuksia sokeille ja heikkonäköisille.",
            "Kamratstöd, ledsagning och hobbyer för blinda och synskadade.",
            "Peer support, sighted guides and hobbies for blind and partially sighted people.",
        ),
        (
            "Autamme näkövammaisia selviytymään arjessa itsenäisesti. Vapaaehtoiset opastajat lähtevät mukaan "
            "kauppaan, lääkäriin tai kävelylle. Kerhossa kuunnellaan äänikirjoja, pelataan tarkkuusammuntaa ja "
            "vaihdetaan vinkkejä apuvälineistä.",
            "Frivilliga ledsagare följer med till butiken, läkaren eller på promenad. I klubben lyssnar vi på "
            "ljudböcker och delar tips om hjälpmedel.",
            "Volunteer guides come along to the shop, the doctor or for a walk. At our club we listen to audiobooks "
            "and share tips on aids.",
        ),
    ),
    Kind(
        "kehitysvammaiset",
        1,
        (1960, 1990),
        (40, 260),
        (
            "{g} Seudun Kehitysvammaisten Tuki ry",
            "Stödföreningen för personer med utvecklingsstörning i {sv}",
            "{en} Region Support for People with Intellectual Disabilities",
        ),
        ("vammaisuus", "osallisuus", "perhetyo"),
        ("kehitysvammaiset", "lapsiperheet"),
        (),
        (
            "Kehitysvammaisten ja heidän perheidensä yhdistys: harrastuksia, leirejä ja vertaistukea.",
            "En förening för personer med utvecklingsstörning och deras familjer: hobbyer, läger och kamratstöd.",
            "An association of people with intellectual disabilities and their families: hobbies, camps and peer "
            "support.",
        ),
        (
            "Yhdistyksessä kehitysvammaiset ihmiset ja heidän perheensä tapaavat toisiaan ja pitävät yhdessä "
            "ääntä omista asioistaan. Meillä on bändi, keilaryhmä, kesäleiri ja vanhempien vertaisryhmä. "
            "Selkokieliset tiedotteet löytyvät kotisivuiltamme.",
            "Vi har ett band, en bowlinggrupp, sommarläger och en kamratgrupp för föräldrar. Meddelanden finns "
            "på lättläst svenska.",
            "We have a band, a bowling group, a summer camp and a peer group for parents. Our notices are also in "
            "easy-to-read Finnish.",
        ),
    ),
    Kind(
        "monikulttuuri",
        2,
        (1995, 2016),
        (30, 300),
        ("{g} Monikulttuurinen Yhdistys ry", "Mångkulturella föreningen i {sv}", "{en} Multicultural Association"),
        ("kotoutuminen", "yhteisollisyys", "neuvonta", "syrjinta"),
        ("maahanmuuttajat", "lapsiperheet"),
        ("en", "ar", "so", "fa"),
        (
            "Kohtaamispaikka, suomen kielen kerhoja ja arjen neuvontaa maahan muuttaneille.",
            "Mötesplats, klubbar i finska och vardagsrådgivning för inflyttade.",
            "A meeting place, Finnish language clubs and everyday advice for newcomers.",
        ),
        (
            "Autamme maahan muuttaneita asettumaan {g} alueelle. Kohtaamispaikassa voi harjoitella suomea "
            "kahvikupin ääressä, saada apua lomakkeiden täyttämiseen ja tutustua uusiin ihmisiin. Naisten ryhmä "
            "ja lasten läksykerho kokoontuvat viikoittain. Toimimme suomeksi, englanniksi, arabiaksi, somaliksi "
            "ja persiaksi.",
            "Vi hjälper inflyttade att komma till rätta. På mötesplatsen kan du öva finska, få hjälp med blanketter "
            "och lära känna nya människor.",
            "We help newcomers settle in. At our meeting place you can practise Finnish over coffee, get help with "
            "forms and meet new people. Women's group and children's homework club every week.",
        ),
    ),
    Kind(
        "ukraina",
        2,
        (2022, 2023),
        (20, 180),
        ("{g} Ukrainalaiset ry", "Ukrainarna i {sv}", "Ukrainians in {en}"),
        ("kotoutuminen", "vertaistuki", "kriisiapu"),
        ("maahanmuuttajat", "lapsiperheet"),
        ("uk", "ru", "en"),
        (
            "Vertaistukea, neuvontaa ja yhteistä tekemistä Ukrainasta tulleille.",
            "Kamratstöd, rådgivning och gemensam verksamhet för dem som kommit från Ukraina.",
            "Peer support, advice and things to do together for people who have come from Ukraine.",
        ),
        (
            "Yhdistys perustettiin, kun {g} alueelle saapui sodan vuoksi ukrainalaisia perheitä. Vapaaehtoiset "
            "neuvovat ukrainaksi ja venäjäksi asumiseen, työhön ja kouluun liittyvissä asioissa. Lauantaisin "
            "lapsilla on äidinkielen kerho ja aikuisilla suomen kielen keskusteluryhmä.",
            "Frivilliga ger råd på ukrainska och ryska om boende, arbete och skola. På lördagar har barnen "
            "modersmålsklubb.",
            "Volunteers give advice in Ukrainian and Russian on housing, work and school. On Saturdays there is a "
            "mother-tongue club for children and a Finnish conversation group for adults.",
        ),
    ),
    Kind(
        "diabetes",
        1,
        (1965, 1995),
        (60, 500),
        ("{g} Seudun Diabetesyhdistys ry", "Diabetesföreningen i {sv}", "{en} Diabetes Association"),
        ("terveyden-edistaminen", "vertaistuki", "liikunta", "ravitsemus"),
        ("pitkaaikaissairaat",),
        (),
        (
            "Tietoa, vertaistukea ja liikuntaa diabeetikoille ja heidän läheisilleen.",
            "Information, kamratstöd och motion för diabetiker och deras närstående.",
            "Information, peer support and exercise for people with diabetes and their families.",
        ),
        (
            "Diabetesyhdistys tukee omahoitoa: järjestämme luentoja, ruokakursseja ja kävelyryhmiä sekä "
            "vertaisryhmän vasta sairastuneille. Verensokerin mittauspäivät kauppakeskuksessa ovat avoimia kaikille.",
            "Vi ordnar föreläsningar, matkurser, promenadgrupper och en kamratgrupp för nyinsjuknade.",
            "We organise talks, cookery courses, walking groups and a peer group for the newly diagnosed.",
        ),
    ),
    Kind(
        "sydan",
        1,
        (1960, 1990),
        (50, 400),
        ("{g} Sydänyhdistys ry", "Hjärtföreningen i {sv}", "{en} Heart Association"),
        ("terveyden-edistaminen", "kuntoutus", "liikunta"),
        ("pitkaaikaissairaat", "ikaantyneet"),
        (),
        (
            "Sydänliikuntaa, luentoja ja vertaistukea sydänsairauden kanssa eläville.",
            "Hjärtgympa, föreläsningar och kamratstöd för personer med hjärtsjukdom.",
            "Heart-friendly exercise, talks and peer support for people living with heart disease.",
        ),
        (
            "Sydänyhdistyksen vertaistukijat ovat itse sairastaneet sydänsairauden ja tietävät, miltä "
            "kuntoutuminen tuntuu. Sydänliikuntaryhmät, kuntosalivuorot ja vesijumppa sopivat myös niille, jotka "
            "eivät ole aiemmin liikkuneet. Elvytyskurssille ovat tervetulleita kaikki.",
            "Våra kamratstödjare har själva haft hjärtsjukdom. Hjärtgympa, gym och vattengympa passar även nybörjare.",
            "Our peer supporters have had heart disease themselves. Heart-friendly exercise, gym sessions and aqua "
            "aerobics suit beginners too.",
        ),
    ),
    Kind(
        "tyottomat",
        1,
        (1991, 2000),
        (30, 250),
        ("{g} Työttömät ry", "De arbetslösa i {sv}", "{en} Association of the Unemployed"),
        ("tyottomyys", "koyhyys", "ravitsemus", "yhteisollisyys"),
        ("tyottomat",),
        (),
        (
            "Edullinen lounas, ruoka-apua ja seuraa työttömille ja pienituloisille.",
            "Billig lunch, mathjälp och sällskap för arbetslösa och låginkomsttagare.",
            "An affordable lunch, food aid and company for unemployed people and people on low incomes.",
        ),
        (
            "Työttömien yhdistyksen olohuoneessa on tarjolla edullinen lounas arkipäivisin ja ruokakassi kerran "
            "viikossa. Meiltä saa neuvoja TE-palveluihin ja Kelan etuuksiin liittyvissä kysymyksissä, ja "
            "yhdistyksessä voi tehdä kuntouttavaa työtoimintaa tai vapaaehtoistyötä.",
            "I föreningens vardagsrum serveras billig lunch på vardagar och matkassar en gång i veckan. Vi ger råd "
            "om arbetskraftsservice och FPA-förmåner.",
            "Our living room serves a low-cost lunch on weekdays and food bags once a week. We advise on employment "
            "services and Kela benefits.",
        ),
    ),
    Kind(
        "ensikoti",
        3,
        (1945, 1985),
        (60, 300),
        ("{g} Ensi- ja turvakoti ry", "Mödra- och skyddshemmet i {sv}", "{en} Mother and Child Home and Shelter"),
        ("lahisuhdevakivalta", "perhetyo", "kriisiapu", "lastensuojelu"),
        ("lapsiperheet", "lapset"),
        ("en",),
        (
            "Apua lähisuhdeväkivaltaan ja tukea vauvaperheille – soita, niin mietitään yhdessä.",
            "Hjälp vid våld i nära relationer och stöd för babyfamiljer – ring, så funderar vi tillsammans.",
            "Help with domestic violence and support for families with babies – call us and we will think it "
            "through together.",
        ),
        (
            "Autamme perheitä, joissa on väkivaltaa tai sen uhkaa, sekä vauvaperheitä, joilla arki on raskasta. "
            "Avopalveluissa keskustellaan sekä väkivaltaa kokeneiden että väkivaltaa käyttäneiden kanssa. "
            "Vertaisryhmät ja perhekahvila ovat avoinna ilman ajanvarausta.",
            "Vi hjälper familjer där det förekommer våld eller hot om våld, och babyfamiljer som har det tungt. "
            "Samtal både för dem som utsatts för våld och för dem som använt våld.",
            "We help families living with violence or the threat of it, and families with babies who are "
            "struggling. We talk both with people who have experienced violence and with those who have used it.",
        ),
    ),
    Kind(
        "yksinhuoltajat",
        2,
        (1975, 2000),
        (40, 300),
        ("{g} Seudun Yhden Vanhemman Perheet ry", "Enföräldersfamiljerna i {sv}", "{en} Single Parent Families"),
        ("perhetyo", "vertaistuki", "koyhyys"),
        ("yksinhuoltajat", "lapsiperheet"),
        (),
        (
            "Vertaistukea, retkiä ja lomia yhden vanhemman perheille.",
            "Kamratstöd, utflykter och semestrar för enföräldersfamiljer.",
            "Peer support, trips and holidays for single-parent families.",
        ),
        (
            "Yhden vanhemman perheessä arki on usein yhden aikuisen harteilla. Meillä vanhemmat saavat "
            "vertaistukea ja lapset kavereita: järjestämme perheretkiä, tuettuja lomia ja kuukausittaisen "
            "vertaisillan. Neuvomme myös eroon ja elatukseen liittyvissä kysymyksissä.",
            "Vi ordnar familjeutflykter, subventionerade semestrar och en kamratkväll i månaden.",
            "We organise family trips, supported holidays and a monthly peer evening, and advise on separation and "
            "child maintenance.",
        ),
    ),
    Kind(
        "sateenkaari",
        2,
        (2000, 2018),
        (30, 220),
        ("{g} Seudun Sateenkaariyhdistys ry", "Regnbågsföreningen i {sv}", "{en} Rainbow Association"),
        ("syrjinta", "vertaistuki", "yhteisollisyys"),
        ("seksuaali-ja-sukupuolivahemmistot", "nuoret"),
        ("en",),
        (
            "Turvallinen tila ja vertaistukea seksuaali- ja sukupuolivähemmistöille.",
            "Ett tryggt rum och kamratstöd för sexuella minoriteter och könsminoriteter.",
            "A safe space and peer support for sexual and gender minorities.",
        ),
        (
            "Yhdistys tarjoaa turvallisen paikan olla oma itsensä. Nuorten ryhmä kokoontuu kerran viikossa "
            "ohjaajan kanssa, ja aikuisten vertaisillat ovat avoimia kaikille. Koulutamme myös työntekijöitä "
            "kohtaamaan sateenkaari-ihmisiä hyvin.",
            "En trygg plats att vara sig själv. Ungdomsgrupp varje vecka och kamratkvällar för vuxna.",
            "A safe place to be yourself. Youth group every week and peer evenings for adults.",
        ),
    ),
    Kind(
        "klubitalo",
        2,
        (1996, 2012),
        (40, 260),
        ("{g} Klubitalo ry", "Klubbhuset i {sv}", "{en} Clubhouse"),
        ("mielenterveys", "kuntoutus", "tyottomyys"),
        ("mielenterveyskuntoutujat",),
        (),
        (
            "Mielenterveyskuntoutujien oma yhteisö: mielekästä tekemistä ja polku työelämään.",
            "En gemenskap för personer i psykiatrisk rehabilitering: meningsfull sysselsättning och en väg till "
            "arbetslivet.",
            "A community of people recovering from mental illness: meaningful work and a path back to employment.",
        ),
        (
            "Klubitalossa jäsenet ja henkilökunta tekevät töitä rinta rinnan keittiössä, toimistossa ja "
            "viestinnässä. Jokainen päivä rakentuu yhteisestä työstä, ja siirtymätyöpaikkojen kautta moni on "
            "palannut työelämään. Jäsenyys on maksuton ja vapaaehtoinen.",
            "I klubbhuset arbetar medlemmar och personal sida vid sida i köket, på kontoret och med kommunikation. "
            "Medlemskapet är kostnadsfritt.",
            "Members and staff work side by side in the kitchen, the office and on communications. Transitional "
            "employment has helped many back into work. Membership is free.",
        ),
    ),
    Kind(
        "vapaaehtoiskeskus",
        2,
        (1995, 2015),
        (20, 200),
        ("{g} Vapaaehtoiskeskus", "Frivilligcentralen i {sv}", "{en} Volunteer Centre"),
        ("vapaaehtoistoiminta", "yksinaisyys", "osallisuus"),
        ("vapaaehtoiset", "ikaantyneet"),
        (),
        (
            "Välitämme vapaaehtoisia ystäviksi, saattajiksi ja tapahtumiin.",
            "Vi förmedlar frivilliga som vänner, ledsagare och till evenemang.",
            "We match volunteers as friends, escorts and helpers at events.",
        ),
        (
            "Vapaaehtoiskeskus kokoaa yhteen ihmiset, jotka haluavat auttaa, ja ne, jotka kaipaavat seuraa tai "
            "apua. Välitämme ystäviä yksinäisille, asiointiapua ja vapaaehtoisia yhdistysten tapahtumiin. "
            "Perehdytys ja koulutus ovat maksuttomia, ja vapaaehtoisille järjestetään yhteisiä iltoja.",
            "Vi förmedlar vänner till ensamma, hjälp med ärenden och frivilliga till föreningarnas evenemang.",
            "We match volunteers as friends for lonely people, as helpers with errands and for events. Training is "
            "free.",
        ),
    ),
    Kind(
        "ystavapalvelu",
        1,
        (1975, 2005),
        (25, 200),
        ("{g} Ystäväpalvelu ry", "Vänservicen i {sv}", "{en} Befriending Service"),
        ("yksinaisyys", "vapaaehtoistoiminta"),
        ("ikaantyneet", "vapaaehtoiset"),
        (),
        (
            "Ystävä kotiin, puhelimeen tai kävelylle – yksinäisyyttä vastaan.",
            "En vän som kommer hem, ringer eller går på promenad – mot ensamhet.",
            "A friend to visit, call or walk with – against loneliness.",
        ),
        (
            "Moni iäkäs asuu yksin ja kaipaa juttuseuraa. Koulutetut vapaaehtoiset ystävät käyvät kylässä, "
            "soittavat tai lähtevät kävelylle sovitusti kerran viikossa. Ryhmäystävätoiminnassa tavataan pienellä "
            "porukalla kirjastossa.",
            "Utbildade frivilliga vänner kommer på besök, ringer eller följer med på promenad en gång i veckan.",
            "Trained volunteer friends visit, call or go for a walk with you once a week.",
        ),
    ),
    Kind(
        "martat",
        1,
        (1900, 1950),
        (25, 220),
        ("{g} Martat ry", "Marthaföreningen i {sv}", "{en} Martha Association"),
        ("ravitsemus", "yhteisollisyys", "terveyden-edistaminen"),
        ("lapsiperheet", "ikaantyneet"),
        (),
        (
            "Ruokakursseja, kodin taitoja ja yhdessä tekemistä kaikenikäisille.",
            "Matkurser, hushållsfärdigheter och gemensam verksamhet för alla åldrar.",
            "Cookery courses, household skills and doing things together, for all ages.",
        ),
        (
            "Martat opettavat arjen taitoja: edullista ja terveellistä ruoanlaittoa, sienestystä, säilöntää ja "
            "kodin raha-asioita. Järjestämme kursseja myös maahan muuttaneille ja nuorille, jotka muuttavat "
            "ensimmäiseen omaan kotiinsa.",
            "Marthorna lär ut vardagsfärdigheter: prisvärd och hälsosam matlagning, svampplockning, konservering "
            "och hushållsekonomi.",
            "The Marthas teach everyday skills: affordable healthy cooking, mushroom picking, preserving and "
            "household finances.",
        ),
    ),
    Kind(
        "spr",
        1,
        (1920, 1960),
        (40, 350),
        (
            "Suomen Punaisen Ristin {g} osasto",
            "Finlands Röda Kors, avdelningen i {sv}",
            "Finnish Red Cross, {en} branch",
        ),
        ("vapaaehtoistoiminta", "kriisiapu", "kotoutuminen"),
        ("vapaaehtoiset", "maahanmuuttajat"),
        ("en",),
        (
            "Ensiapua, ystävätoimintaa ja valmiutta auttaa, kun jotain sattuu.",
            "Första hjälp, vänverksamhet och beredskap att hjälpa när något händer.",
            "First aid, befriending and readiness to help when something happens.",
        ),
        (
            "Osaston vapaaehtoiset päivystävät ensiavussa yleisötapahtumissa, käyvät ystävinä yksinäisten luona "
            "ja auttavat maahan muuttaneita kotoutumaan. Kun lähellä sattuu onnettomuus tai tulipalo, henkisen "
            "tuen ryhmä lähtee liikkeelle viranomaisten pyynnöstä.",
            "Avdelningens frivilliga har jour vid evenemang, är vänner för ensamma och hjälper inflyttade att "
            "integreras.",
            "Our volunteers provide first aid at public events, befriend lonely people and help newcomers settle in.",
        ),
    ),
    Kind(
        "asunnottomat",
        3,
        (1985, 2010),
        (20, 150),
        ("{g} Asunnottomien Tuki ry", "Stöd för bostadslösa i {sv}", "{en} Homelessness Support"),
        ("asunnottomuus", "koyhyys", "paihteet-ja-riippuvuudet"),
        ("paihteita-kayttavat", "tyottomat"),
        (),
        (
            "Päiväkeskus, ruokaa ja neuvontaa asunnottomille ja asunnottomuuden uhassa oleville.",
            "Dagcenter, mat och rådgivning för bostadslösa och för dem som riskerar att bli bostadslösa.",
            "A day centre, food and advice for people who are homeless or at risk of losing their home.",
        ),
        (
            "Päiväkeskuksessa saa aamupalan, voi pestä pyykkiä ja käydä suihkussa. Työntekijät ja "
            "kokemusasiantuntijat auttavat asunnon hakemisessa, vuokravelkojen selvittelyssä ja palveluihin "
            "pääsemisessä. Tänne saa tulla sellaisena kuin on.",
            "I dagcentret får du frukost och kan tvätta och duscha. Vi hjälper dig att söka bostad och reda ut "
            "hyresskulder.",
            "At our day centre you can get breakfast, do laundry and take a shower. We help with finding housing and "
            "sorting out rent arrears.",
        ),
    ),
    Kind(
        "hengitys",
        2,
        (1970, 1995),
        (40, 300),
        ("{g} Seudun Hengitysyhdistys ry", "Andningsföreningen i {sv}", "{en} Respiratory Association"),
        ("terveyden-edistaminen", "kuntoutus", "vertaistuki"),
        ("pitkaaikaissairaat",),
        (),
        (
            "Vertaistukea ja liikuntaa astmaa, uniapneaa ja keuhkosairauksia sairastaville.",
            "Kamratstöd och motion för personer med astma, sömnapné och lungsjukdomar.",
            "Peer support and exercise for people with asthma, sleep apnoea and lung disease.",
        ),
        (
            "Hengitysyhdistys kokoaa yhteen astmaa, keuhkoahtaumatautia ja uniapneaa sairastavat. "
            "Vertaisryhmissä jaetaan kokemuksia hoidosta ja arjesta, ja hengitysliikuntaryhmä kokoontuu "
            "uimahallilla. Asiantuntijaluennot ovat avoimia kaikille.",
            "Kamratgrupper för personer med astma, KOL och sömnapné, och andningsgymnastik i simhallen.",
            "Peer groups for people with asthma, COPD and sleep apnoea, and breathing exercise at the swimming hall.",
        ),
    ),
    Kind(
        "nuorten-tuki",
        2,
        (2005, 2020),
        (15, 120),
        ("{g} Nuorten Tukipiste ry", "Ungdomarnas stödpunkt i {sv}", "{en} Youth Support Point"),
        ("mielenterveys", "osallisuus", "tyottomyys"),
        ("nuoret", "opiskelijat"),
        ("en",),
        (
            "Matalan kynnyksen apua 15–29-vuotiaille: juttuseuraa, opiskelu- ja työasioita ja ryhmiä.",
            "Lågtröskelhjälp för 15–29-åringar: någon att prata med, studier, arbete och grupper.",
            "Easy-to-reach help for 15 to 29-year-olds: someone to talk to, study and work matters, and groups.",
        ),
        (
            "Tukipisteeseen voi tulla ilman ajanvarausta, jos opiskelu takkuaa, päivät venyvät yöhön tai tuntuu, "
            "ettei kukaan kuuntele. Nuorisotyöntekijät auttavat hakemusten kanssa ja kulkevat tarvittaessa "
            "mukana palveluihin. Ryhmissä kokataan, pelataan ja liikutaan.",
            "Du kan komma utan tidsbeställning om studierna går trögt eller om du känner att ingen lyssnar. Vi "
            "hjälper med ansökningar och följer med till tjänster.",
            "Drop in without an appointment if your studies are stuck or it feels like no one listens. Youth workers "
            "help with applications and come along to services if needed.",
        ),
    ),
    Kind(
        "erityisliikunta",
        1,
        (1975, 2005),
        (30, 200),
        ("{g} Erityisliikunta ry", "Anpassad idrott i {sv}", "{en} Adapted Sports Club"),
        ("liikunta", "vammaisuus", "terveyden-edistaminen"),
        ("vammaiset", "kehitysvammaiset"),
        (),
        (
            "Liikuntaa kaikille – myös niille, joille tavallinen liikuntaryhmä ei sovi.",
            "Motion för alla – också för dem som inte passar in i en vanlig motionsgrupp.",
            "Sport for everyone – including people for whom an ordinary exercise group does not work.",
        ),
        (
            "Seura järjestää ohjattua liikuntaa vammaisille ja pitkäaikaissairaille: bocciaa, allasjumppaa, "
            "sählyä ja kuntosalia. Ohjaajat ovat koulutettuja, ja jokainen liikkuu omien voimiensa mukaan. "
            "Avustaja pääsee mukaan maksutta.",
            "Boccia, vattengympa, innebandy och gym för personer med funktionsnedsättning. En assistent deltar gratis.",
            "Boccia, pool exercise, floorball and gym for disabled people and people with long-term illness. "
            "Assistants join for free.",
        ),
    ),
    Kind(
        "mielenterveysomaiset",
        2,
        (1990, 2010),
        (40, 280),
        (
            "{g} Seudun Mielenterveysomaiset ry",
            "Anhöriga inom mentalvården i {sv}",
            "{en} Region Families in Mental Health",
        ),
        ("mielenterveys", "omaishoito", "vertaistuki"),
        ("omaishoitajat", "mielenterveyskuntoutujat"),
        (),
        (
            "Tukea ja vertaisryhmiä läheisille, kun perheenjäsen sairastaa psyykkisesti.",
            "Stöd och kamratgrupper för anhöriga när en familjemedlem är psykiskt sjuk.",
            "Support and peer groups for families when someone close has a mental illness.",
        ),
        (
            "Kun läheinen sairastuu psyykkisesti, oma jaksaminen unohtuu helposti. Yhdistys tarjoaa läheisille "
            "keskusteluapua, vertaisryhmiä ja tietoa mielenterveyspalveluista. Myös lapset ja nuoret, joiden "
            "vanhempi sairastaa, saavat meiltä omaa tukea.",
            "Samtalsstöd, kamratgrupper och information för anhöriga, även för barn vars förälder är sjuk.",
            "Conversations, peer groups and information for families, including children whose parent is ill.",
        ),
    ),
]

# A village association: {g} is the village's genitive, {en} its name.
VILLAGE = Kind(
    "kyla",
    1,
    (1970, 2008),
    (25, 220),
    ("{g} Kyläyhdistys ry", "", "{en} Village Association"),
    ("yhteisollisyys", "yksinaisyys", "osallisuus"),
    ("ikaantyneet", "lapsiperheet"),
    (),
    (
        "Kylätalo, talkoita ja yhteisiä juhlia – kylän asukkaiden yhteinen olohuone.",
        "Byahus, talko och gemensamma fester – byinvånarnas gemensamma vardagsrum.",
        "A village hall, volunteer work days and celebrations – the village's shared living room.",
    ),
    (
        "Kyläyhdistys pitää kylätaloa, jossa kokoontuvat niin lapsiperheiden perhekerho kuin ikäihmisten "
        "kahvipiiri. Talkoilla kunnostetaan uimarantaa ja latuja, ja kesäjuhlaan tulee koko kylä. Kylätalon voi "
        "vuokrata edullisesti omiin juhliin.",
        "Byahuset är byinvånarnas gemensamma vardagsrum: familjeklubb, kaffekrets för äldre och talkon.",
        "The village hall is the village's shared living room: a family club, a coffee circle for older people "
        "and volunteer work days.",
    ),
)

# One of these ends most Finnish descriptions ({fee}: membership fee in euros).
CLOSINGS_FI = [
    "Jäsenmaksu on {fee} euroa vuodessa, mutta toimintaan voi tulla mukaan myös ilman jäsenyyttä.",
    "Toimintamme pyörii vapaaehtoisten voimin. Jos haluat mukaan, ota yhteyttä – perehdytämme sinut.",
    "Tilamme ovat esteettömät, ja kahvit keitetään aina valmiiksi.",
    "Toimimme yhteistyössä kunnan, hyvinvointialueen ja muiden {g} alueen järjestöjen kanssa.",
    "Meillä on myös verkkoryhmä niille, joiden on vaikea lähteä kotoa.",
    "Kaikki toimintamme on maksutonta, ja siihen voi osallistua nimettömänä.",
    "Kerro meille, mitä toivoisit – moni nykyinen ryhmämme on syntynyt jäsenten ideasta.",
    "Olemme mukana {g} järjestöjen kumppanuuspöydässä ja tuomme asukkaiden äänen päätöksentekoon.",
    "Välitämme kokemusasiantuntijoita koulutuksiin, työryhmiin ja hyvinvointikertomuksen valmisteluun.",
]
OPENING_HOURS_FI = "Toimitilamme osoitteessa {street} on avoinna {days} klo {hours}."
DAYS_FI = ["arkisin", "maanantaisin ja keskiviikkoisin", "tiistaisin ja torstaisin", "maanantaista torstaihin"]
HOURS = ["9–15", "10–14", "12–16", "10–18"]
CLOSING_SV = "Medlemsavgiften är {fee} euro per år. Välkommen med!"
CLOSING_EN = "Membership is {fee} euros a year, and everyone is welcome."
WELCOME_SV = "Alla är välkomna!"
WELCOME_EN = "Everyone is welcome."

# People: fake but plausible names for contact persons.
FIRST_NAMES = (
    "Anna Anne Anneli Eija Elina Hanna Heidi Jaana Johanna Kaija Katja Kirsi Leena Liisa Maarit Marja Minna "
    "Niina Outi Paula Pirjo Riikka Sanna Satu Seija Sirpa Tiina Tuula Ulla Aki Antti Esa Hannu Harri Heikki "
    "Jari Juha Jukka Kari Markku Matti Mika Pasi Pekka Petri Sami Seppo Timo Tuomas Ville"
).split()
LAST_NAMES = (
    "Aaltonen Heikkinen Hiltunen Hämäläinen Jokinen Kallio Karjalainen Kinnunen Koivisto Korhonen Koskinen "
    "Laine Lehtonen Leinonen Lindholm Mattila Miettinen Mäkelä Mäkinen Niemi Nieminen Ojala Peltonen Pitkänen "
    "Rantanen Saarinen Salminen Savolainen Tuominen Turunen Virtanen Väisänen Räsänen Partanen Pesonen Ylönen"
).split()
SWEDISH_FIRST_NAMES = "Anders Björn Carina Elisabeth Fredrik Gunilla Henrik Ingrid Johan Kristina Mats Solveig".split()
SWEDISH_LAST_NAMES = "Andersson Backman Ekholm Forsman Grönroos Holmström Lindberg Nyström Sjöberg Westerlund".split()
SAMI_LAST_NAMES = "Magga Näkkäläjärvi Valkeapää Keskitalo Labba Länsman Eira Juuso".split()
ROLES_FI = ["puheenjohtaja", "sihteeri", "toiminnanjohtaja", "taloudenhoitaja", "vapaaehtoistoiminnan vastaava"]
ROLES_SV = ["ordförande", "sekreterare", "verksamhetsledare", "kassör"]
