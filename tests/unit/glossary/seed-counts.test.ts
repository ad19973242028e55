import { describe, expect, it } from 'vitest';
import { annotate } from '../../../glossary/annotate';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { Matcher } from '../../../glossary/matcher';
import { readSeed } from '../../fixtures/seeds';

/** Counted by reading the seeds (not by running the matcher). */
const EXPECTED: Record<string, Record<string, number>> = {
  '000_0bc7f43dc9c984f1.txt': {
    nmi: 7, // 2x "NAVO-missie in Irak (NMI)" = 4, + 3 bare NMI
    nato: 3, // NAVO-bondgenoten, NAVO-partners, "NAVO-missie." (no "in Irak"); NAVO inside nmi forms excluded
    isis: 2,
    oir: 2, // "Operation Inherent Resolve (OIR)" = full form + acronym
    us: 1, // "Verenigde Staten"
    'force-commander': 1,
    'force-protection': 1, // "Force Protection"
    helikopterdetachement: 1,
    stafofficier: 1, // "stafofficieren"
    infanteriecompagnie: 1,
    'tweede-kamer': 1,
    bz: 1, // "van Buitenlandse Zaken"
    capaciteitsopbouw: 2,
  },
  '001_2792b50de437f0a0.txt': {
    nmi: 1, // "NAVO-missie in Irak"
    nato: 0, // only NAVO is inside the nmi form
    us: 2, // 2x "Verenigde Staten"
    'middle-east': 2, // 2x "Midden-Oosten"
    'al-asad-air-base': 1, // "Ain al-Asad Airbase" (one span)
    chinook: 1, // "Chinook-transporthelikopters"
    'force-protection': 1,
    baghdad: 1,
    dreigingsniveau: 1,
    'indirect-vuur': 1,
  },
  '002_e3c0c53e0898a8e8.txt': {
    // 24 bare NMI (incl. "NMI/OIR", "NMI-adviseurs", footnote 5) + "NAVO Missie in Irak2",
    // "NAVO Missie Irak3", "NAVO Missie Irak (NMI)" and heading "NAVO-missie Irak"
    nmi: 28,
    nato: 13, // 17 NAVO minus the 4 inside nmi forms ("NAVO-\nmissie op", "NAVO-missie heeft" are nato)
    oir: 28, // 25 bare OIR (CJTF/OIR excluded) + 3x "Operation Inherent Resolve"
    cjtf: 2, // "Combined Joint Task Force" + "CJTF/OIR" in footnote 5
    // 26 ISIS minus 5 inside aic forms; "anti-ISIS missie", "anti-ISIS \noperaties", "anti-\nISIS" count
    isis: 21,
    aic: 5, // 3x "anti-ISIS-coalitie", "anti-ISIS coalitie", "anti-ISIS \ncoalitie"
    euam: 10, // "Europese Unie Advies Missie (EUAM)" = 2, "European Union Advisory Mission" 2x, 6 more EUAM
    eu: 2, // "de EU," + "EU-begroting"; "Europese Unie"/"European Union" consumed by euam
    // 3 full names (incl. "Ministry of Peshmerga") + 9 MoPA/MoPa; "(MoPA \nReform)" is peshmerga-reform
    mopa: 11, // "MoPA-hervormingsprogramma" is now a form of peshmerga-reform
    'peshmerga-reform': 3, // "MoPA \nReform", "Peshmerga Reform", "MoPA-hervormingsprogramma"
    // "lange \n\ntermijndoelstellingen", "Long Term Objectives", 7x "LTO’s", "LTO 6",
    // "lange termijn \ndoelstelling"
    lto: 10,
    kar: 7, // "Koerdische Autonome Regio (KAR)" = 2, + 5 bare KAR
    'jocat-n': 3, // "Joint Command Advisory Team North (JOCAT-N)" = 2, + "aan JOCAT-N"
    // "hervorming van de veiligheidssector", 2x lowercase "security sector reform",
    // 2x "Security Sector Reform (SSR)" = 4, "SSR-\nstrategie", "SSR-strategie"
    ssr: 9,
    us: 14, // 13 VS + "USA/Office"; USAID is not US
    iom: 3,
    scf: 2,
    'force-protection': 5, // incl. heading "Force Protection" and "force \nprotection"
    'force-commander': 5, // incl. heading "Force commander"
    helikopterdetachement: 3, // incl. heading
    stafofficier: 4, // stafofficieren, heading "Stafofficieren", stafofficieren, stafofficier
    chinook: 1, // "chinook-transporthelikopters"
    'indirect-vuur': 2,
    'al-asad-air-base': 2, // "Al Assad Air Base" + "Al Asad Air Base"; "al-Assad regime" is not a form
    'camp-union-iii': 2, // "UNION III" + "Camp UNION III"
    // "artikel 100-brief" x3, "artikel-100 brief", "artikel 100 brieven" x2, "artikel 100-brieven",
    // "artikel 100 brief"
    'artikel-100-brief': 8,
    'artikel-100': 1, // "artikel 100 van de Grondwet" (one span)
    'nationaal-kader': 0, // "nationale kaders" is ordinary language: searchable, never highlighted
    kamerstuk: 5,
    dd: 5,
    jl: 2,
    baghdad: 6, // "omgeving van Bagdad" now counts as Baghdad: the free phrase is no longer a form of greater-baghdad-area
    'greater-baghdad-area': 1, // only "greater Bagdad area"; "omgeving van Bagdad" is ordinary Dutch (search-only form)
    'military-advisor': 5, // incl. "Milad (Military Advisor)": milad merged into military-advisor
    sof: 2, // "Special Operation Forces" + "SOF-operators"
    un: 3, // "VN", "VN-instellingen", "VN verband"
  },
  '003_e148179e407a0a07.txt': {
    nmi: 5, // "NAVO-missie in \nIrak (NMI)" = 2, NMI x2, "NAVO-missie in Irak»"
    nato: 0, // both NAVO are inside nmi forms
    oir: 2, // "Operation\nInherent Resolve (OIR)"
    aic: 3, // "anti-ISIS-coalitie" x2 + "anti-ISIS coalitie"
    isis: 0, // every ISIS is inside an aic form
    'artikel-100-brief': 1,
    'artikel-100': 0, // the only "artikel 100" is part of "artikel 100-brief"
    'force-commander': 1, // "Force \nCommander"
    'force-protection': 1,
    'toetsingskader-2014': 1,
    kamerstuk: 4,
    kamerbrief: 2,
    dd: 4,
    jl: 1, // "18 mei jl.,"
    'tweede-kamer': 0, // "Voorzitter van de Tweede Kamer der Staten-Generaal" is the Speaker's entry
    'staten-generaal': 0, // consumed by tweede-kamer
    bz: 1, // "Minister van Buitenlandse Zaken" is the minister's own entry
    'greater-baghdad-area': 0, // no "greater Baghdad area" in this letter
    baghdad: 1, // "omgeving van Bagdad": Baghdad (the free phrase is not a term)
    kennisgeving: 0, // bare "kennisgeving" is search-only (also "voor kennisgeving aannemen")
    verzelfstandiging: 0, // ordinary Dutch word: search-only
    'internationale-rechtsorde': 1,
  },
  '004_58c76a8e68136705.txt': {
    // 20 bare NMI (incl. "NMI-adviseurs", "NMI-\nadviseurs") + "NAVO Missie Irak" x3
    // (line 11 and footnotes 1 and 5) + "NAVO-missie in Irak"
    nmi: 24,
    nato: 6, // "NAVO-commandostructuur" is its own entry
    oir: 12, // "Operation Inherent\nResolve (0IR)" = 2, 8x OIR, "O0IR", "\n0IR"
    // 23 ISIS/Da’esh minus 4 inside aic forms and 2 inside the UNITAD full name;
    // "anti-ISIS-" cut off by footnote 2 (line 106) counts as isis

    isis: 17,
    // "anti-ISIS-Coalitie", "anti-ISIS-coalitie (AIC)" = 2, AIC, 2x "anti-ISIS-coalitie", "AIC-ministeriéle"
    aic: 7,
    unitad: 3, // full name across line breaks "...Committed by\nDa’esh/ISIS" + "(UNITAD)" + UNITAD
    unami: 2, // "United Nations Assistance Mission Irag (UNAMI)"
    euam: 3, // "EUAM", "EU-adviesmissie Irak (EUAM)" = 2
    eu: 2, // "de EU", "EU-verband"; EU in "EU-adviesmissie Irak" is euam
    mopa: 3, // "MoPA", "Ministry of Peshmerga Affairs (MoPA)" = 2
    lto: 1, // "Long Term Objectives"
    kar: 2, // "Koerdische Autonome Regio (KAR)"
    'jocat-n': 3, // "Joint Operations Command Advisory Team (JOCAT) MNorth": full form, JOCAT, MNorth
    scf: 2,
    iom: 2,
    us: 9, // 10 VS (incl. VS-geleide, VS-Irak bilateraal, "(VS)") minus "VS-Irak Higher Military Commission"
    'higher-military-commission': 1,
    'force-protection': 14, // incl. "force\nprotection", "force-protection-taken", many "force protection-X"
    'force-commander': 2, // footnotes 1 and 5
    helikopterdetachement: 6,
    stafofficier: 1,
    chinook: 1, // "chinookhelikopters"
    'indirect-vuur': 1,
    'camp-union-iii': 1,
    'nationaal-kader': 0, // ordinary phrase: search-only
    'red-card-holder': 1,
    cds: 3, // "Commandant der Strijdkrachten\n(CDS)" = 2, + "de CDS"
    'full-command': 1, // "Fuwll Command"
    // "artikel-100 brieven", "artikel 100-brief" x3, "artikel 100-\nbrieven", "artikel\n100-brief"
    'artikel-100-brief': 6,
    // "artikel 100 van de Grondwet", "artikel 100-inzet", 2x "artikel 100-bijdragen"
    'artikel-100': 4,
    'toetsingskader-2014': 0, // only the bare lower-case "toetsingskader": search-only
    kamerstuk: 10,
    kamerbrief: 7, // incl. "Kamerbrieven" and the footnotes
    dd: 7,
    jl: 8,
    bz: 2, // the letterhead and the signatures name the minister: minister-van-buitenlandse-zaken
    'eerste-kamer': 0, // "Voorzitter van de Eerste Kamer der Staten-Generaal" is the President's entry
    'staten-generaal': 0, // consumed by eerste-kamer
    baghdad: 6, // incl. the two "omgeving van Bagdad" phrases
    'greater-baghdad-area': 0, // only free phrases ("Bagdad en omgeving"): not highlighted
    'geintegreerde-inzet': 0, // "geïntegreerde inzet" is ordinary policy language: search-only
    rechtsbasis: 0, // ordinary word: search-only
    mandaat: 0, // ordinary word: search-only
    'military-advisor': 3, // "militaire adviseurs" x3
    sof: 1, // "Special Operations Forces"
    hamas: 2,
  },
};
const matcher = new Matcher(CURATED_ENTRIES);
describe('matches per term in the seeds', () => {
  for (const [seed, counts] of Object.entries(EXPECTED)) {
    it(seed, () => {
      const found: Record<string, number> = {};
      for (const m of annotate(matcher, readSeed(seed))) found[m.id] = (found[m.id] ?? 0) + 1;
      const actual = Object.fromEntries(Object.keys(counts).map((id) => [id, found[id] ?? 0]));
      expect(actual).toEqual(counts);
    });
  }
});
