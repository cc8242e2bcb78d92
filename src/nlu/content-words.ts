/**
 * The words of a message that carry its content: standard Indonesian words (after the whole-word
 * map) of three letters or more that are not function words (pronouns, question words, particles,
 * fillers, in Indonesian, Jambi Malay and English). The model keeps which content words its
 * in-scope training data uses; a message whose content words are mostly unknown to it is never
 * answered with a programme figure (see read-message.ts).
 */
import { toSkeleton, toStandardWords, toWords } from "./text-features";

// prettier-ignore
const functionWordList = `
saya aku awak kami kita kamu anda dia beliau mereka kalian gue lu nya kak kakak bang abang pak bapak bu ibu
mas mbak min admin dek adek om bos gan sis bro the and for you your are was were this that with from have has
apa apakah bagaimana berapa kapan dimana mana kemana siapa kenapa mengapa gimana cara caranya
yang dan atau tapi tetapi namun juga saja sama dengan untuk buat bagi dari pada ke di oleh karena kalau jika
bila apabila supaya agar biar sampai hingga sejak setelah sebelum sesudah waktu saat ketika selama sambil
ini itu tersebut sini situ sana begitu begini gitu gini kayak seperti
ada tidak bukan belum sudah telah akan sedang lagi masih pernah bisa boleh harus mau ingin perlu dapat
sih dong deh kok kah lah pun toh nah yah ya iya loh lho kan ajah aja tuh nih mah wkwk hehe haha
terus lalu kemudian lantas sekalian satu lagi semua para tiap setiap banyak sedikit lebih kurang paling
sangat sekali benar betul mohon tolong minta tanya nanya bertanya info informasi mau tanya
kah gak nggak enggak tak dak idak ndak katek nian bae sajo jugo samo mano apo cakmano kekmano
what how when where who why which can could would should will shall may might does did doing done
is am be been being not no yes please thanks thank hello hi also just only very really about
any some there here get got give gave take make let know like want need now then today yesterday
tomorrow week last next still already even much many more most other another one two three
kemarin kemaren tadi besok nanti sekarang kini barusan dulu lagi pas kayaknya katanya gimana katanya
`;

/** Function words (standard forms and common informal ones): never content. */
export const functionWords: ReadonlySet<string> = new Set(functionWordList.split(/\s+/).filter(Boolean));

/** The content words of a text, in order (duplicates kept). */
export function toContentWords(text: string): string[] {
  return toStandardWords(toWords(text)).filter(
    (w) => w.length >= 3 && !/\d/.test(w) && !functionWords.has(w),
  );
}

/** The words of the domain, and whether a content word is one of them, allowing for affixes and typos. */
export type DomainLexicon = { knows(word: string): boolean; share(text: string): number };

/**
 * A word is known when it is a domain word, has a domain word of five letters or more inside it
 * ("diskonnya", "brpiuran"), or shares its consonant skeleton with one ("mnggl" ~ "meninggal").
 */
export function createDomainLexicon(domainWords: readonly string[]): DomainLexicon {
  const words = new Set(domainWords);
  const skeletons = new Set(domainWords.filter((w) => w.length >= 4).map(toSkeleton));
  function knows(word: string): boolean {
    if (words.has(word)) return true;
    if (word.length >= 4 && toSkeleton(word).length >= 3 && skeletons.has(toSkeleton(word))) return true;
    for (let size = 5; size < word.length; size += 1)
      for (let i = 0; i + size <= word.length; i += 1) if (words.has(word.slice(i, i + size))) return true;
    return false;
  }
  function share(text: string): number {
    const content = toContentWords(text);
    return content.length === 0 ? 1 : content.filter(knows).length / content.length;
  }
  return { knows, share };
}
