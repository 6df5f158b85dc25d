package synth

// The word lists are small on purpose: the generator multiplies them. The
// common words carry English grammar and the news register; the rest of the
// vocabulary is made from syllables so that a corpus of 100,000 articles has
// several thousand distinct words with a Zipf-like spread, as real news does.

var functionWords = []string{
	"the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as",
	"was", "by", "at", "it", "from", "this", "be", "are", "an", "have", "has",
	"not", "which", "their", "its", "were", "will", "been", "also", "more", "but",
	"or", "after", "other", "than", "all", "about", "into", "over", "between",
	"during", "under", "against", "new", "two", "three", "first", "last", "said",
	"would", "could", "should", "may", "there", "these", "those", "such", "some",
}

var newsWords = []string{
	"security", "council", "president", "minister", "government", "country",
	"countries", "region", "regional", "cooperation", "meeting", "session",
	"summit", "border", "defense", "military", "treaty", "organization",
	"member", "members", "states", "state", "republic", "parliament", "deputy",
	"secretary", "general", "foreign", "affairs", "interior", "economy",
	"economic", "trade", "investment", "energy", "water", "agreement",
	"negotiations", "talks", "delegation", "visit", "official", "officials",
	"spokesman", "statement", "report", "reports", "agency", "threat", "threats",
	"terrorism", "extremism", "migration", "stability", "peace", "conflict",
	"situation", "development", "project", "projects", "programme", "budget",
	"election", "elections", "opposition", "court", "prosecutor", "investigation",
	"police", "service", "national", "international", "collective", "joint",
	"exercise", "exercises", "forces", "troops", "peacekeeping", "mission",
	"capital", "city", "district", "province", "village", "people", "citizens",
	"population", "year", "years", "month", "week", "day", "today", "yesterday",
	"earlier", "later", "recent", "current", "future", "important", "necessary",
	"possible", "major", "strategic", "partnership", "relations", "dialogue",
	"interests", "issues", "issue", "questions", "measures", "steps", "plan",
	"plans", "support", "assistance", "aid", "loan", "bank", "currency",
	"inflation", "prices", "growth", "exports", "imports", "railway", "road",
	"construction", "infrastructure", "gas", "oil", "pipeline", "electricity",
	"hydropower", "plant", "station", "airport", "flights", "tourism", "health",
	"education", "schools", "students", "university", "media", "journalists",
	"press", "conference", "forum", "declaration", "document", "documents",
	"signed", "adopted", "approved", "announced", "noted", "stressed",
	"emphasized", "discussed", "agreed", "expressed", "confirmed", "denied",
	"warned", "called", "proposed", "reported", "stated", "added", "explained",
	"told", "held", "took", "made", "received", "sent", "opened", "launched",
	"continued", "increased", "decreased", "reached", "remains", "became",
	"challenges", "risks", "crisis", "response", "center", "centre", "framework",
	"legal", "law", "bill", "draft", "decree", "reform", "reforms", "corruption",
	"drug", "trafficking", "cyber", "information", "digital", "technology",
	"climate", "glacier", "harvest", "agriculture", "farmers", "livestock",
	"neighbouring", "central", "asia", "asian", "eurasian", "union", "customs",
	"sanctions", "embassy", "ambassador", "consulate", "visa", "labour",
	"workers", "remittances", "growing", "serious", "significant", "priority",
	"chairmanship", "presidency", "headquarters", "secretariat", "commission",
	"committee", "working", "group", "expert", "experts", "analysts", "observers",
}

var places = []string{
	"Bishkek", "Osh", "Jalal-Abad", "Karakol", "Naryn", "Talas", "Batken",
	"Almaty", "Astana", "Tashkent", "Dushanbe", "Ashgabat", "Moscow", "Minsk",
	"Yerevan", "Baku", "Beijing", "Kabul", "Ankara", "Brussels", "Geneva",
	"Samarkand", "Issyk-Kul", "Chui", "Kazakhstan", "Uzbekistan", "Tajikistan",
	"Russia", "China", "Belarus", "Armenia", "Afghanistan", "Turkey", "Kyrgyzstan",
}

// Places as datelines print them.
var datelines = []string{"BISHKEK", "OSH", "ALMATY", "ASTANA", "TASHKENT", "DUSHANBE", "MOSCOW", "MINSK", "YEREVAN"}

var orgs = []string{
	"CSTO", "SCO", "CIS", "EAEU", "UN", "OSCE", "NATO", "EU", "IMF",
	"World Bank", "Security Council", "Collective Security Treaty Organization",
	"Shanghai Cooperation Organization", "Eurasian Economic Union",
	"Jogorku Kenesh", "State Committee for National Security",
	"Ministry of Foreign Affairs", "Ministry of Defense", "Cabinet of Ministers",
	"National Bank", "Central Election Commission", "Asian Development Bank",
}

var sources = []string{
	"Interfax", "24.kg", "AKIpress", "Kabar", "Sputnik Kyrgyzstan", "TASS",
	"Kaktus.media", "Vesti.kg", "Cronos.Asia", "Eurasianet", "RIA Novosti",
}

// Real-style names; the pool is extended with invented ones in init.
var realNames = []string{
	"Marat Imankulov", "Sadyr Japarov", "Sooronbai Jeenbekov", "Kamchybek Tashiev",
	"Taalatbek Masadykov", "Imangali Tasmagambetov", "Ararat Mirzoyan",
	"Akylbek Japarov", "Jeenbek Kulubaev", "Adylbek Kasymaliev", "Nurlanbek Shakiev",
	"Almazbek Atambayev", "Roza Otunbayeva", "Kassym-Jomart Tokayev",
	"Shavkat Mirziyoyev", "Emomali Rahmon", "Serdar Berdimuhamedov",
	"Stanislav Zas", "Zhang Ming", "Sergei Lavrov",
}

var givenNames = []string{
	"Aibek", "Azamat", "Bakyt", "Nurlan", "Ulan", "Temir", "Kubanych", "Eldiyar",
	"Chyngyz", "Daniyar", "Ermek", "Zhyldyz", "Aizada", "Gulnara", "Nazira",
	"Aigerim", "Cholpon", "Meerim", "Dinara", "Asel", "Timur", "Ruslan", "Marat",
	"Erlan", "Talant", "Kanat", "Bolot", "Mirlan", "Almaz", "Aida",
}

var surnames = []string{
	"Abdyldaev", "Sultanov", "Mamytov", "Toktogulov", "Asanov", "Usenov",
	"Beishenaliev", "Osmonov", "Kadyrov", "Sydykov", "Zhumabaev", "Omurbekov",
	"Karimov", "Ismailov", "Tursunbaev", "Baktybekov", "Moldoshev", "Chotonov",
	"Alymkulov", "Sarybaev", "Duishenbiev", "Nazarov", "Egemberdiev", "Sharshenov",
	"Kurmanaliev", "Abdrakhmanov", "Jumaliev", "Toktomushev", "Isakov", "Niyazov",
}

var onsets = []string{"b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pr", "r", "s", "st", "sh", "t", "tr", "v", "w", "z", "", ""}
var vowels = []string{"a", "e", "i", "o", "u", "ea", "io", "ou", "ai"}
var codas = []string{"", "", "n", "r", "s", "t", "l", "m", "nt", "st", "rd", "ck", "ng"}
var suffixes = []string{"", "", "", "s", "ed", "ing", "ion", "al", "ity", "ment", "er", "ly"}
