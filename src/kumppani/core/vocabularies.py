"""The shared vocabularies: themes and target groups from the General Finnish Ontology (YSO), and languages.

Labels follow YSO's fi/sv/en labels; where YSO's wording is an indexer's term, a plainer one is used.
"""

# (slug, YSO id, fi, sv, en)
THEMES = [
    ("mielenterveys", "yso:p1949", "Mielenterveys", "Psykisk hälsa", "Mental health"),
    (
        "paihteet-ja-riippuvuudet",
        "yso:p8291",
        "Päihteet ja riippuvuudet",
        "Rusmedel och beroende",
        "Substance use and addiction",
    ),
    ("vertaistuki", "yso:p12878", "Vertaistuki", "Kamratstöd", "Peer support"),
    ("yksinaisyys", "yso:p6935", "Yksinäisyys", "Ensamhet", "Loneliness"),
    ("muistisairaudet", "yso:p22037", "Muistisairaudet", "Minnessjukdomar", "Memory disorders"),
    ("omaishoito", "yso:p19584", "Omaishoito", "Närståendevård", "Family care"),
    ("liikunta", "yso:p916", "Liikunta", "Motion", "Physical activity"),
    ("ravitsemus", "yso:p5748", "Ruoka ja ravitsemus", "Mat och näring", "Food and nutrition"),
    ("lahisuhdevakivalta", "yso:p5389", "Lähisuhdeväkivalta", "Våld i nära relationer", "Domestic violence"),
    ("kriisiapu", "yso:p20819", "Kriisiapu", "Krishjälp", "Crisis help"),
    ("asunnottomuus", "yso:p10735", "Asunnottomuus", "Bostadslöshet", "Homelessness"),
    ("koyhyys", "yso:p3476", "Köyhyys ja toimeentulo", "Fattigdom och utkomst", "Poverty and livelihood"),
    ("tyottomyys", "yso:p11571", "Työttömyys", "Arbetslöshet", "Unemployment"),
    ("kotoutuminen", "yso:p24074", "Kotoutuminen", "Integration", "Integration"),
    ("vammaisuus", "yso:p6418", "Vammaisuus", "Funktionsnedsättning", "Disability"),
    ("kuntoutus", "yso:p3320", "Kuntoutus", "Rehabilitering", "Rehabilitation"),
    ("terveyden-edistaminen", "yso:p12732", "Terveyden edistäminen", "Hälsofrämjande", "Health promotion"),
    ("neuvonta", "yso:p23", "Neuvonta ja ohjaus", "Rådgivning", "Advice and guidance"),
    ("vapaaehtoistoiminta", "yso:p3050", "Vapaaehtoistoiminta", "Frivilligarbete", "Volunteering"),
    ("osallisuus", "yso:p5164", "Osallisuus", "Delaktighet", "Inclusion and participation"),
    ("syrjinta", "yso:p6303", "Syrjinnän ehkäisy", "Motverka diskriminering", "Preventing discrimination"),
    ("lastensuojelu", "yso:p2289", "Lastensuojelu", "Barnskydd", "Child protection"),
    ("perhetyo", "yso:p8911", "Perheiden tuki", "Stöd för familjer", "Family support"),
    ("esteettomyys", "yso:p16241", "Esteettömyys", "Tillgänglighet", "Accessibility"),
    ("yhteisollisyys", "yso:p5522", "Yhteisöllisyys", "Gemenskap", "Community"),
]

TARGET_GROUPS = [
    ("lapset", "yso:p4354", "Lapset", "Barn", "Children"),
    ("nuoret", "yso:p11617", "Nuoret", "Unga", "Young people"),
    ("lapsiperheet", "yso:p13050", "Lapsiperheet", "Barnfamiljer", "Families with children"),
    ("yksinhuoltajat", "yso:p5627", "Yksinhuoltajat", "Ensamförsörjare", "Single parents"),
    ("opiskelijat", "yso:p16486", "Opiskelijat", "Studerande", "Students"),
    ("ikaantyneet", "yso:p2433", "Ikääntyneet", "Äldre", "Older people"),
    ("omaishoitajat", "yso:p19104", "Omaishoitajat", "Närståendevårdare", "Family carers"),
    ("vammaiset", "yso:p7179", "Vammaiset ihmiset", "Personer med funktionsnedsättning", "Disabled people"),
    (
        "kehitysvammaiset",
        "yso:p10060",
        "Kehitysvammaiset ihmiset",
        "Personer med intellektuell funktionsnedsättning",
        "People with intellectual disabilities",
    ),
    ("kuurot", "yso:p8616", "Kuurot ja huonokuuloiset", "Döva och hörselskadade", "Deaf and hard of hearing"),
    ("nakovammaiset", "yso:p76", "Sokeat ja heikkonäköiset", "Blinda och synskadade", "Blind and partially sighted"),
    ("maahanmuuttajat", "yso:p6165", "Maahan muuttaneet", "Invandrare", "Migrants"),
    ("tyottomat", "yso:p7708", "Työttömät", "Arbetslösa", "Unemployed people"),
    (
        "seksuaali-ja-sukupuolivahemmistot",
        "yso:p1828",
        "Seksuaali- ja sukupuolivähemmistöt",
        "Sexuella minoriteter och könsminoriteter",
        "Sexual and gender minorities",
    ),
    (
        "mielenterveyskuntoutujat",
        "yso:p7914",
        "Mielenterveyskuntoutujat",
        "Personer i psykiatrisk rehabilitering",
        "People recovering from mental illness",
    ),
    (
        "paihteita-kayttavat",
        "yso:p6206",
        "Päihteitä käyttävät ja heidän läheisensä",
        "Personer som använder rusmedel och deras närstående",
        "People who use substances and their families",
    ),
    ("pitkaaikaissairaat", "yso:p24898", "Pitkäaikaissairaat", "Långtidssjuka", "People with long-term illness"),
    ("vapaaehtoiset", "yso:p20390", "Vapaaehtoiset", "Frivilliga", "Volunteers"),
]

# (code, fi, sv, en); fse and fss are the Finnish and Finland-Swedish sign languages (ISO 639-3).
LANGUAGES = [
    ("fi", "suomi", "finska", "Finnish"),
    ("sv", "ruotsi", "svenska", "Swedish"),
    ("en", "englanti", "engelska", "English"),
    ("se", "pohjoissaame", "nordsamiska", "Northern Sami"),
    ("smn", "inarinsaame", "enaresamiska", "Inari Sami"),
    ("sms", "koltansaame", "skoltsamiska", "Skolt Sami"),
    ("fse", "suomalainen viittomakieli", "finskt teckenspråk", "Finnish Sign Language"),
    ("fss", "suomenruotsalainen viittomakieli", "finlandssvenskt teckenspråk", "Finland-Swedish Sign Language"),
    ("ru", "venäjä", "ryska", "Russian"),
    ("et", "viro", "estniska", "Estonian"),
    ("uk", "ukraina", "ukrainska", "Ukrainian"),
    ("ar", "arabia", "arabiska", "Arabic"),
    ("so", "somali", "somaliska", "Somali"),
    ("fa", "persia", "persiska", "Persian"),
    ("ku", "kurdi", "kurdiska", "Kurdish"),
]
