/**
 * Whole words that stand for a standard Indonesian word: chat abbreviations, Jambi Malay and a few
 * English words. Applied per token, never by similarity, so a known word of any dialect is never
 * turned into another word; typos are left to the classifier's character n-grams.
 */

/** Chat abbreviations and informal spellings → standard Indonesian. */
const chat: Readonly<Record<string, string>> = {
  gmn: "bagaimana", gmna: "bagaimana", gimana: "bagaimana", bgmn: "bagaimana", gmana: "bagaimana",
  gimane: "bagaimana", brp: "berapa", brapa: "berapa", brpa: "berapa", berapaan: "berapa",
  sy: "saya", sya: "saya", aq: "saya", gw: "saya", gue: "saya", gua: "saya", ane: "saya",
  ga: "tidak", gak: "tidak", gk: "tidak", g: "tidak", nggak: "tidak", ngga: "tidak", enggak: "tidak",
  engga: "tidak", tdk: "tidak", tak: "tidak", kagak: "tidak", gaada: "tidak ada", gada: "tidak ada",
  yg: "yang", dgn: "dengan", dg: "dengan", utk: "untuk", untk: "untuk", bwt: "buat",
  bs: "bisa", bsa: "bisa", bisakah: "bisa", udh: "sudah", udah: "sudah", sdh: "sudah", dah: "sudah",
  blm: "belum", blum: "belum", belom: "belum", lum: "belum", krn: "karena", karna: "karena",
  krna: "karena", klo: "kalau", kalo: "kalau", kl: "kalau", klau: "kalau", kalu: "kalau",
  dpt: "dapat", dapet: "dapat", dpat: "dapat", pengen: "ingin", pgn: "ingin", pingin: "ingin",
  mo: "mau", mw: "mau", bgt: "sekali", banget: "sekali", tp: "tapi", tpi: "tapi", jg: "juga",
  jga: "juga", aja: "saja", aj: "saja", sj: "saja", dmn: "dimana", dimn: "dimana", kmn: "kemana",
  knp: "kenapa", napa: "kenapa", tlg: "tolong", mksd: "maksud", sm: "sama", org: "orang",
  orng: "orang", thn: "tahun", th: "tahun", bln: "bulan", hr: "hari", tgl: "tanggal", jt: "juta",
  jeti: "juta", rb: "ribu", rebu: "ribu", bpjstk: "bpjs ketenagakerjaan", bpjamsostek: "bpjs ketenagakerjaan",
  jamsostek: "bpjs ketenagakerjaan", naker: "ketenagakerjaan", bpjskes: "bpjs kesehatan",
  telp: "telepon", tlp: "telepon", tlpn: "telepon", telpon: "telepon", hp: "handphone",
  nmr: "nomor", nomer: "nomor", no: "nomor", dok: "dokumen", ortu: "orang tua", bpk: "bapak",
  alm: "almarhum", almh: "almarhum", almarhumah: "almarhum", mksh: "terima kasih",
  makasih: "terima kasih", makasi: "terima kasih", trims: "terima kasih", tq: "terima kasih",
  thx: "terima kasih", ty: "terima kasih", daptar: "daftar", dftr: "daftar", regis: "daftar",
  gajinya: "gaji", iurannya: "iuran", iuranya: "iuran", iurn: "iuran", skrg: "sekarang",
  skrng: "sekarang", sblm: "sebelum", stlh: "setelah", lg: "lagi", bkn: "bukan", emg: "memang",
  gt: "gitu", gitu: "begitu", ngurus: "mengurus", nanya: "tanya", trus: "terus", trs: "terus",
  dr: "dari", pd: "pada", ttg: "tentang", bbrp: "beberapa", kpn: "kapan", gmnh: "bagaimana",
  spt: "seperti", kyk: "seperti", kayak: "seperti", ama: "sama", mnrt: "menurut", sampe: "sampai",
  ngasih: "memberi", bayarin: "membayar", dibayarin: "dibayar", daftarin: "daftarkan",
  didaftarin: "didaftarkan", byr: "bayar", bayr: "bayar", pny: "punya", pnya: "punya", hrs: "harus",
  jd: "jadi", jdi: "jadi", msk: "masuk", ato: "atau", atw: "atau", inget: "ingat", ko: "kok",
  cairin: "cairkan", ngajuin: "mengajukan", nunggu: "menunggu", ngecek: "cek", liat: "lihat",
  ngantar: "antar", nganter: "antar", kerjaan: "pekerjaan", duit: "uang", udeh: "sudah",
  blom: "belum", td: "tadi", tdi: "tadi", kmrn: "kemarin", kmarin: "kemarin", bsk: "besok",
  mnt: "minta", gimn: "bagaimana", knapa: "kenapa",
  tolongin: "tolong", kasi: "kasih", sbg: "sebagai", krja: "kerja", kerj: "kerja", dll: "dan lain lain",
  nyari: "mencari", trima: "terima", kasihh: "kasih", ngak: "tidak", nggk: "tidak", gx: "tidak",
  cr: "cara", crnya: "caranya", sklh: "sekolah", skolah: "sekolah", negri: "negeri", onlin: "online",
  onlen: "online", rmh: "rumah", dtg: "datang", kntr: "kantor", ptgs: "petugas", sklian: "sekalian",
}; // prettier-ignore

/** Jambi Malay (Melayu Jambi) → standard Indonesian. */
const jambi: Readonly<Record<string, string>> = {
  awak: "saya", kami: "kami", kito: "kita", dak: "tidak", idak: "tidak", ndak: "tidak",
  katek: "tidak ada", biso: "bisa", siapo: "siapa", sapo: "siapa", berapo: "berapa", brapo: "berapa",
  caro: "cara", mano: "mana", dimano: "dimana", kemano: "kemana", cakmano: "bagaimana",
  kekmano: "bagaimana", ngapo: "kenapa", apo: "apa", ado: "ada", nak: "mau", nian: "sekali",
  kemaren: "kemarin", kemarenan: "kemarin", musti: "harus", mesti: "harus", galo: "semua",
  samo: "sama", jugo: "juga", keno: "kena", kerjo: "kerja", begawe: "bekerja", gawe: "kerja",
  kareno: "karena", dio: "dia", budak: "anak", bebini: "istri", bini: "istri", laki: "suami",
  lakinyo: "suaminya", bininyo: "istrinya", dewek: "sendiri", dewe: "sendiri", kagek: "nanti",
  gek: "nanti", tigo: "tiga", duo: "dua", limo: "lima", tanyo: "tanya", daftarke: "daftarkan",
  didaftarke: "didaftarkan", bayarke: "bayarkan", dibayarke: "dibayarkan", uwong: "orang",
  wong: "orang", pegi: "pergi", balek: "pulang", celako: "celaka", nyo: "nya", iyo: "iya",
  dapek: "dapat", dapatnyo: "dapatnya", santunannyo: "santunannya", iurannyo: "iurannya",
  syaratnyo: "syaratnya", caronyo: "caranya", lamo: "lama", sajo: "saja", bae: "saja",
  pulo: "pula", mato: "mata", kecik: "kecil", gedang: "besar", ambek: "ambil", kanti: "teman",
  dibetulke: "dibetulkan", betulke: "betulkan", nanyo: "tanya", nengok: "lihat", ngeceknyo: "ceknya",
  bayarnyo: "bayarnya", kini: "sekarang", mak: "ibu", bak: "ayah", abah: "ayah",
  kalu: "kalau", lupo: "lupa", ilang: "hilang", diurusnyo: "diurusnya", berapoan: "berapa",
  cidera: "cedera",
}; // prettier-ignore

/** English words mixed in (or whole English questions) → the Indonesian word. */
const english: Readonly<Record<string, string>> = {
  how: "bagaimana", much: "berapa", many: "berapa", when: "kapan", where: "dimana", who: "siapa",
  what: "apa", register: "daftar", registration: "pendaftaran", signup: "daftar", join: "ikut",
  enroll: "daftar", contribution: "iuran", contributions: "iuran", fee: "iuran", fees: "iuran",
  premium: "iuran", cost: "biaya", pay: "bayar", payment: "pembayaran", paid: "dibayar",
  late: "telat", deadline: "batas", death: "kematian", die: "meninggal", died: "meninggal",
  dies: "meninggal", dead: "meninggal", passed: "meninggal", funeral: "pemakaman",
  burial: "pemakaman", benefit: "manfaat", benefits: "manfaat", compensation: "santunan",
  accident: "kecelakaan", work: "kerja", job: "kerja", card: "kartu", lost: "hilang",
  missing: "hilang", document: "dokumen", documents: "dokumen", papers: "dokumen", claim: "klaim",
  claims: "klaim", check: "cek", scholarship: "beasiswa", children: "anak", child: "anak",
  heir: "ahli waris", heirs: "ahli waris", age: "umur", old: "tua", office: "kantor",
  contact: "kontak", phone: "telepon", requirement: "syarat", requirements: "syarat",
  eligible: "bisa ikut", calculate: "hitung", delete: "hapus", fraud: "penipuan", scam: "penipuan",
  balance: "saldo", my: "saya", me: "saya", i: "saya", income: "penghasilan", salary: "gaji",
  month: "bulan", year: "tahun", million: "juta", thanks: "terima kasih", thank: "terima kasih",
  free: "gratis", discount: "diskon", wife: "istri", husband: "suami", father: "ayah",
  mother: "ibu", officer: "petugas", human: "petugas", staff: "petugas", stop: "berhenti",
}; // prettier-ignore

const table = new Map<string, string>([
  ...Object.entries(english),
  ...Object.entries(jambi),
  ...Object.entries(chat),
]);

/** The standard word(s) a typed word stands for, or undefined when it is standard already. */
export function toStandardWord(word: string): string | undefined {
  return table.get(word);
}

/** Every word the table knows as a source (for tests). */
export const mappedWords: ReadonlySet<string> = new Set(table.keys());
