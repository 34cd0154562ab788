"""Indonesian sentence templates for problem codes.

The templates are wrapped in ``QT_TRANSLATE_NOOP`` so that ``pyside6-lupdate`` collects them
into the translation files; the UI translates them with ``QCoreApplication.translate`` and the
CLI prints the Indonesian source text. The marker is a local no-op: this module must not import Qt.
"""

from __future__ import annotations

from typing import Any

CONTEXT = "Pesan"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


# code -> template with str.format placeholders. Keep codes stable: tests and data key on them.
TEMPLATES: dict[str, str] = {
    # NIP
    "nip.kosong": QT_TRANSLATE_NOOP("Pesan", "NIP wajib diisi."),
    "nip.bukan_angka": QT_TRANSLATE_NOOP(
        "Pesan", "NIP hanya boleh berisi angka (ditemukan: \u201c{value}\u201d)."
    ),
    "nip.notasi_ilmiah": QT_TRANSLATE_NOOP(
        "Pesan",
        "NIP \u201c{value}\u201d tertulis dalam notasi ilmiah Excel; digit terakhirnya hilang. "
        "Ubah kolom NIP menjadi teks di berkas sumber.",
    ),
    "nip.panjang_salah": QT_TRANSLATE_NOOP("Pesan", "NIP harus 18 digit, bukan {length} digit."),
    "nip.tanggal_lahir_salah": QT_TRANSLATE_NOOP(
        "Pesan", "Digit 1\u20138 NIP ({value}) bukan tanggal lahir yang sah."
    ),
    "nip.tmt_salah": QT_TRANSLATE_NOOP(
        "Pesan", "Digit 9\u201314 NIP ({value}) bukan tahun dan bulan pengangkatan yang sah."
    ),
    "nip.tmt_terlalu_muda": QT_TRANSLATE_NOOP(
        "Pesan", "Menurut NIP, pegawai diangkat pada usia {age} tahun (kurang dari 18)."
    ),
    "nip.kode_kelamin_salah": QT_TRANSLATE_NOOP(
        "Pesan", "Digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan), bukan {value}."
    ),
    "nip.urutan_nol": QT_TRANSLATE_NOOP(
        "Pesan", "Nomor urut NIP (digit 16\u201318) tidak boleh 000."
    ),
    "nip.tanggal_lahir_beda": QT_TRANSLATE_NOOP(
        "Pesan",
        "Tanggal lahir {birth_date} tidak cocok dengan NIP (menurut NIP: {nip_birth_date}).",
    ),
    "nip.kelamin_beda": QT_TRANSLATE_NOOP(
        "Pesan", "Jenis kelamin {gender} tidak cocok dengan digit ke-15 NIP ({nip_gender})."
    ),
    "nip.duplikat": QT_TRANSLATE_NOOP("Pesan", "NIP {nip} sudah dipakai oleh {nama}."),
    # golongan
    "golongan.tidak_dikenal": QT_TRANSLATE_NOOP(
        "Pesan", "Golongan \u201c{value}\u201d tidak dikenal."
    ),
    "golongan.tidak_sesuai_jenis": QT_TRANSLATE_NOOP(
        "Pesan", "Golongan {value} tidak berlaku untuk pegawai {jenis}."
    ),
    # dates
    "tanggal.tidak_sah": QT_TRANSLATE_NOOP("Pesan", "Tanggal \u201c{value}\u201d tidak sah."),
    "tanggal.ambigu": QT_TRANSLATE_NOOP(
        "Pesan",
        "Tanggal \u201c{value}\u201d dapat dibaca lebih dari satu cara; dibaca sebagai {dibaca}. "
        "Periksa kembali.",
    ),
    "tanggal.masa_depan": QT_TRANSLATE_NOOP("Pesan", "Tanggal {value} berada di masa depan."),
    "tanggal.pns_sebelum_cpns": QT_TRANSLATE_NOOP(
        "Pesan", "TMT PNS {value} lebih awal dari TMT CPNS."
    ),
    "tanggal.sebelum_lahir": QT_TRANSLATE_NOOP(
        "Pesan", "Tanggal {value} lebih awal dari tanggal lahir."
    ),
    # generic fields
    "field.wajib": QT_TRANSLATE_NOOP("Pesan", "{label} wajib diisi."),
    "field.terlalu_panjang": QT_TRANSLATE_NOOP(
        "Pesan", "{label} terlalu panjang (maksimal {max} karakter)."
    ),
    "field.pilihan_salah": QT_TRANSLATE_NOOP(
        "Pesan", "Nilai \u201c{value}\u201d tidak dikenal untuk {label}."
    ),
    "field.tahun_salah": QT_TRANSLATE_NOOP("Pesan", "Tahun {value} tidak masuk akal."),
    # records
    "pegawai.tidak_ditemukan": QT_TRANSLATE_NOOP("Pesan", "Pegawai tidak ditemukan."),
    "pegawai.diubah_pengguna_lain": QT_TRANSLATE_NOOP(
        "Pesan",
        "Data pegawai ini telah diubah oleh pengguna lain sejak dibuka. Muat ulang lalu ulangi.",
    ),
    "unit.tidak_ditemukan": QT_TRANSLATE_NOOP("Pesan", "Unit kerja tidak ditemukan."),
    "jabatan.tidak_ditemukan": QT_TRANSLATE_NOOP("Pesan", "Jabatan tidak ditemukan."),
    "jabatan.beda_unit": QT_TRANSLATE_NOOP(
        "Pesan", "Jabatan \u201c{jabatan}\u201d tidak berada di unit kerja yang dipilih."
    ),
    "undo.kosong": QT_TRANSLATE_NOOP("Pesan", "Tidak ada perubahan yang dapat dibatalkan."),
    "undo.sudah_berubah": QT_TRANSLATE_NOOP(
        "Pesan",
        "Perubahan tidak dapat dibatalkan karena data sudah diubah lagi sesudahnya.",
    ),
    "izin.ditolak": QT_TRANSLATE_NOOP(
        "Pesan", "Anda tidak berwenang melakukan tindakan ini ({action})."
    ),
    # database
    "db.versi_lebih_baru": QT_TRANSLATE_NOOP(
        "Pesan",
        "Basis data {path} dibuat oleh versi Mutasi Desktop yang lebih baru (skema {found}, "
        "aplikasi ini mengenal sampai {known}). Perbarui aplikasi; berkas tidak diubah.",
    ),
    "db.rusak": QT_TRANSLATE_NOOP(
        "Pesan",
        "Basis data {path} rusak ({detail}). Pulihkan dari cadangan terakhir: {backup}.",
    ),
    "db.bukan_mutasi": QT_TRANSLATE_NOOP("Pesan", "Berkas {path} bukan basis data Mutasi Desktop."),
    # demo database
    "demo.db_tidak_kosong": QT_TRANSLATE_NOOP(
        "Pesan",
        "Basis data ini sudah berisi data ({opd} OPD, {pegawai} pegawai). Data demo hanya dapat "
        "dibuat pada basis data yang kosong; pilih berkas baru.",
    ),
    "demo.jumlah_pegawai_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan", "Jumlah pegawai demo harus antara 0 dan {maks} (diminta: {value})."
    ),
    # workload analysis (ABK)
    "abk.waktu_negatif": QT_TRANSLATE_NOOP(
        "Pesan", "Waktu penyelesaian tugas \u201c{uraian}\u201d tidak boleh negatif ({value})."
    ),
    "abk.volume_negatif": QT_TRANSLATE_NOOP(
        "Pesan", "Volume tugas \u201c{uraian}\u201d tidak boleh negatif ({value})."
    ),
    "abk.volume_kosong": QT_TRANSLATE_NOOP(
        "Pesan", "Volume tugas \u201c{uraian}\u201d wajib diisi bila tugas tidak memakai pemicu."
    ),
    "abk.angka_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan", "Nilai {label} tugas \u201c{uraian}\u201d bukan angka yang sah ({value})."
    ),
    "abk.rasio_kosong": QT_TRANSLATE_NOOP(
        "Pesan",
        "Tugas \u201c{uraian}\u201d memakai pemicu \u201c{pemicu}\u201d tetapi rasionya kosong.",
    ),
    "abk.rasio_negatif": QT_TRANSLATE_NOOP(
        "Pesan", "Rasio tugas \u201c{uraian}\u201d tidak boleh negatif ({value})."
    ),
    "abk.rasio_diabaikan": QT_TRANSLATE_NOOP(
        "Pesan",
        "Tugas \u201c{uraian}\u201d tidak memakai pemicu; rasio yang diisi ({value}) diabaikan.",
    ),
    "abk.volume_diabaikan": QT_TRANSLATE_NOOP(
        "Pesan",
        "Tugas \u201c{uraian}\u201d memakai pemicu \u201c{pemicu}\u201d; volume yang diisi "
        "({value}) diabaikan.",
    ),
    "abk.pemicu_tidak_dikenal": QT_TRANSLATE_NOOP(
        "Pesan", "Pemicu \u201c{pemicu}\u201d tidak dikenal pada tahun analisis ini."
    ),
    "abk.pemicu_negatif": QT_TRANSLATE_NOOP(
        "Pesan", "Nilai pemicu \u201c{pemicu}\u201d tidak boleh negatif ({value})."
    ),
    "abk.tugas_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan", "Tugas jabatan \u201c{jabatan}\u201d berisi nilai yang tidak sah."
    ),
    "abk.pegawai_negatif": QT_TRANSLATE_NOOP(
        "Pesan", "Jumlah pegawai jabatan \u201c{jabatan}\u201d tidak boleh negatif ({value})."
    ),
    "abk.pegawai_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan",
        "Jumlah pegawai jabatan \u201c{jabatan}\u201d harus bilangan bulat (ditemukan: {value}).",
    ),
    "abk.wke_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan", "Waktu kerja efektif harus lebih dari nol menit (ditemukan: {value})."
    ),
    "abk.pengali_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan", "Pengali periode {periode} harus lebih dari nol (ditemukan: {value})."
    ),
    "abk.band_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan",
        "Tabel kelas prestasi jabatan tidak sah: kelas harus unik, batas bawahnya menurun, "
        "dan kelas terakhir tanpa batas bawah.",
    ),
    "abk.profil_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan", "Profil ABK yang tersimpan tidak dapat dibaca ({detail})."
    ),
    "abk.unit_tanpa_induk": QT_TRANSLATE_NOOP(
        "Pesan", "Unit kerja {unit} tidak memiliki induk untuk rekapitulasi."
    ),
    "abk.skenario_ganda": QT_TRANSLATE_NOOP(
        "Pesan",
        "Perubahan pemicu \u201c{pemicu}\u201d harus berupa nilai baru atau persentase, "
        "tidak keduanya dan tidak kosong.",
    ),
    "abk.skenario_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan",
        "Perubahan \u201c{value}\u201d untuk pemicu \u201c{pemicu}\u201d tidak dapat dibaca "
        "(contoh: +30 %, -10 %, 25.000).",
    ),
    "abk.rasio_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan", "Rasio \u201c{name}\u201d harus berisi angka lebih dari nol."
    ),
    "abk.tahun_tidak_ada": QT_TRANSLATE_NOOP(
        "Pesan", "Belum ada analisis beban kerja untuk tahun {tahun}."
    ),
    "abk.profil_tidak_dikenal": QT_TRANSLATE_NOOP(
        "Pesan", "Profil ABK \u201c{name}\u201d tidak dikenal. Pilihan: {pilihan}."
    ),
    "abk.skenario_tidak_ada": QT_TRANSLATE_NOOP(
        "Pesan", "Skenario \u201c{nama}\u201d tidak ada pada tahun analisis {tahun}."
    ),
    "abk.pemicu_tidak_ada": QT_TRANSLATE_NOOP("Pesan", "Pemicu tidak ditemukan."),
    "abk.aturan_rasio_tidak_ada": QT_TRANSLATE_NOOP("Pesan", "Aturan rasio tidak ditemukan."),
    "abk.nama_ganda": QT_TRANSLATE_NOOP(
        "Pesan", "{label} \u201c{nama}\u201d sudah ada pada tahun analisis {tahun}."
    ),
    "abk.pemicu_dipakai": QT_TRANSLATE_NOOP(
        "Pesan",
        "Pemicu \u201c{pemicu}\u201d masih dipakai oleh {jumlah} tugas atau skenario; "
        "ubah dulu yang memakainya.",
    ),
    "abk.sel_bukan_angka": QT_TRANSLATE_NOOP(
        "Pesan", "Nilai {label} \u201c{value}\u201d bukan angka."
    ),
    "abk.pegawai_ada_beda": QT_TRANSLATE_NOOP(
        "Pesan",
        "Jumlah pegawai ada untuk jabatan \u201c{jabatan}\u201d berbeda antarbaris ({nilai}); "
        "isi satu angka yang sama.",
    ),
    "abk.pegawai_beda_register": QT_TRANSLATE_NOOP(
        "Pesan",
        "Jabatan \u201c{jabatan}\u201d ({unit}): data pegawai mencatat {register} orang, "
        "berkas ABK {berkas} orang; yang dipakai data pegawai.",
    ),
    "abk.impor_ada_kesalahan": QT_TRANSLATE_NOOP(
        "Pesan",
        "Impor ABK dibatalkan: {jumlah} kesalahan di berkas. Tidak ada data yang disimpan.",
    ),
    "abk.impor_tidak_ada_data": QT_TRANSLATE_NOOP(
        "Pesan", "Tidak ada baris tugas ABK di berkas ini. Tidak ada data yang disimpan."
    ),
    "abk.di_sel": QT_TRANSLATE_NOOP("Pesan", "Baris {baris}, kolom {kolom}: {pesan}"),
    "abk.di_baris": QT_TRANSLATE_NOOP("Pesan", "Baris {baris}: {pesan}"),
    "abk.di_tugas": QT_TRANSLATE_NOOP("Pesan", "Tugas ke-{tugas}: {pesan}"),
    # spreadsheet files
    "berkas.tidak_ada": QT_TRANSLATE_NOOP("Pesan", "Berkas {path} tidak ditemukan."),
    "berkas.format_tidak_didukung": QT_TRANSLATE_NOOP(
        "Pesan",
        "Jenis berkas \u201c{suffix}\u201d tidak didukung. Gunakan .xlsx, .xls, .ods atau .csv.",
    ),
    "berkas.rusak": QT_TRANSLATE_NOOP("Pesan", "Berkas {path} tidak dapat dibaca ({detail})."),
    "berkas.terkunci": QT_TRANSLATE_NOOP(
        "Pesan",
        "Berkas {path} sedang dipakai program lain (misalnya Excel) atau tidak boleh dibaca. "
        "Tutup berkas itu lalu ulangi.",
    ),
    "berkas.tidak_dapat_ditulis": QT_TRANSLATE_NOOP(
        "Pesan", "Berkas {path} tidak dapat ditulis ({detail})."
    ),
    "berkas.lembar_tidak_ada": QT_TRANSLATE_NOOP(
        "Pesan", "Lembar \u201c{sheet}\u201d tidak ada di berkas ini."
    ),
    "berkas.kosong": QT_TRANSLATE_NOOP("Pesan", "Berkas {path} tidak berisi lembar kerja."),
    # staff import
    "impor.kolom_wajib": QT_TRANSLATE_NOOP(
        "Pesan",
        "Kolom {label} tidak ditemukan. Periksa baris judul kolom atau petakan kolomnya.",
    ),
    "impor.nip_angka": QT_TRANSLATE_NOOP(
        "Pesan",
        "NIP tersimpan sebagai angka ({value}); lembar kerja hanya menyimpan 15 digit angka "
        "sehingga digit terakhir NIP sudah hilang. Ubah kolom NIP menjadi teks di berkas sumber.",
    ),
    "impor.nip_dinolkan": QT_TRANSLATE_NOOP(
        "Pesan",
        "NIP \u201c{value}\u201d berakhiran 000: digit terakhirnya kemungkinan dinolkan oleh "
        "Excel. Ambil NIP yang benar dari sumbernya.",
    ),
    "impor.nip_ganda_berkas": QT_TRANSLATE_NOOP(
        "Pesan", "NIP {nip} juga terdapat di baris {rows} berkas ini."
    ),
    "impor.nip_milik_lain": QT_TRANSLATE_NOOP(
        "Pesan",
        "NIP {nip} di basis data milik {nama_db}, bukan {nama}. Periksa NIP di berkas.",
    ),
    "impor.mungkin_ganda": QT_TRANSLATE_NOOP(
        "Pesan",
        "Pegawai bernama {nama} dengan tanggal lahir yang sama sudah ada dengan NIP {nip_db}; "
        "pastikan ini bukan orang yang sama.",
    ),
    "impor.pegawai_nonaktif": QT_TRANSLATE_NOOP(
        "Pesan",
        "Pegawai ini nonaktif di basis data; datanya diperbarui tetapi tetap nonaktif.",
    ),
    "impor.tanggal_tahun_saja": QT_TRANSLATE_NOOP(
        "Pesan", "\u201c{value}\u201d bukan tanggal lengkap (hanya angka tahun?)."
    ),
    "impor.tanggal_urutan_campur": QT_TRANSLATE_NOOP(
        "Pesan",
        "Tanggal \u201c{value}\u201d tidak dapat dipastikan: kolom ini memuat tanggal "
        "hari-bulan-tahun dan bulan-hari-tahun sekaligus.",
    ),
    "impor.nilai_diabaikan": QT_TRANSLATE_NOOP(
        "Pesan", "Nilai \u201c{value}\u201d tidak dikenal untuk {label}; nilai ini diabaikan."
    ),
    "impor.org_ambigu": QT_TRANSLATE_NOOP(
        "Pesan",
        "{label} \u201c{value}\u201d cocok dengan lebih dari satu data: {kandidat}. "
        "Samakan namanya di berkas.",
    ),
    "impor.ada_kesalahan": QT_TRANSLATE_NOOP(
        "Pesan",
        "Impor dibatalkan: {jumlah} baris tidak sah. Perbaiki berkas atau pilih "
        "\u201clewati baris tidak sah\u201d. Tidak ada data yang disimpan.",
    ),
    "impor.tidak_ada_data": QT_TRANSLATE_NOOP(
        "Pesan", "Tidak ada baris data pegawai di lembar ini. Tidak ada data yang disimpan."
    ),
}


# Transfer planning (mutasi): rule findings, workflow, consultation, objections, training, plans.
_MUTASI: dict[str, str] = {
    "mutasi.tidak_aktif": QT_TRANSLATE_NOOP(
        "Pesan", "Pegawai tidak aktif (status: {status}); tidak dapat dimutasi."
    ),
    "mutasi.hukuman_disiplin": QT_TRANSLATE_NOOP(
        "Pesan", "Pegawai sedang menjalani hukuman disiplin; mutasi tidak dapat diproses."
    ),
    "mutasi.tugas_belajar": QT_TRANSLATE_NOOP(
        "Pesan", "Pegawai sedang tugas belajar; mutasi tidak dapat diproses."
    ),
    "mutasi.sedang_cuti": QT_TRANSLATE_NOOP(
        "Pesan", "Pegawai sedang cuti; pastikan ia dapat melaksanakan tugas pada TMT mutasi."
    ),
    "mutasi.pppk_keluar": QT_TRANSLATE_NOOP(
        "Pesan",
        "PPPK tidak dapat dimutasi ke instansi lain: tidak ada mekanisme mutasi PPPK; "
        "pindah instansi berarti mengundurkan diri.",
    ),
    "mutasi.pppk_masuk": QT_TRANSLATE_NOOP(
        "Pesan", "PPPK dari instansi lain tidak dapat dimutasi masuk ke Pemerintah Kabupaten."
    ),
    "mutasi.pppk_internal": QT_TRANSLATE_NOOP(
        "Pesan",
        "Pemindahan PPPK antar-OPD memerlukan dasar hukum; tuliskan dasar hukumnya sebagai alasan.",
    ),
    "mutasi.sepuluh_tahun": QT_TRANSLATE_NOOP(
        "Pesan",
        "Pegawai terikat pernyataan tidak pindah ke instansi lain selama {tahun} tahun sejak "
        "diangkat PNS (TMT PNS {tmt_pns}; berakhir {sampai}).",
    ),
    "mutasi.sepuluh_tahun_tidak_diketahui": QT_TRANSLATE_NOOP(
        "Pesan",
        "TMT PNS tidak diketahui, sehingga ketentuan {tahun} tahun tidak pindah instansi tidak "
        "dapat diperiksa. Periksa SK PNS-nya.",
    ),
    "mutasi.masa_jabatan_kurang_2": QT_TRANSLATE_NOOP(
        "Pesan",
        "Baru {masa} di jabatan sekarang (TMT {tmt_jabatan}); mutasi paling singkat "
        "{batas} tahun dalam jabatan.",
    ),
    "mutasi.masa_jabatan_lebih_5": QT_TRANSLATE_NOOP(
        "Pesan",
        "Sudah {masa} di jabatan sekarang (TMT {tmt_jabatan}), melewati batas paling lama "
        "{batas} tahun; catat mengapa mutasinya baru sekarang.",
    ),
    "mutasi.pensiun_sebelum_tmt": QT_TRANSLATE_NOOP(
        "Pesan", "Pegawai pensiun pada {tanggal}, sebelum TMT mutasi {tmt}."
    ),
    "mutasi.bup_dekat": QT_TRANSLATE_NOOP(
        "Pesan",
        "Pegawai mencapai batas usia pensiun ({bup} tahun) dan pensiun pada {tanggal}, dalam "
        "{bulan} bulan sesudah TMT mutasi.",
    ),
    "mutasi.kontrak_berakhir_sebelum_tmt": QT_TRANSLATE_NOOP(
        "Pesan", "Perjanjian kerja PPPK berakhir pada {tanggal}, sebelum TMT mutasi {tmt}."
    ),
    "mutasi.kontrak_berakhir": QT_TRANSLATE_NOOP(
        "Pesan",
        "Perjanjian kerja PPPK berakhir pada {tanggal}, dalam {bulan} bulan sesudah TMT mutasi.",
    ),
    "mutasi.baru_dipindah": QT_TRANSLATE_NOOP(
        "Pesan",
        "Pegawai baru dipindahkan pada {tanggal}, kurang dari {bulan} bulan sebelum TMT ini.",
    ),
    "mutasi.tidak_bersedia": QT_TRANSLATE_NOOP(
        "Pesan", "Pegawai menyatakan tidak bersedia dipindahkan (aspirasi terakhirnya)."
    ),
    "mutasi.usulan_ganda": QT_TRANSLATE_NOOP(
        "Pesan", "Pegawai ini sudah ada dalam {jumlah} usulan mutasi lain yang masih berjalan."
    ),
    "mutasi.data_kurang": QT_TRANSLATE_NOOP(
        "Pesan", "Data pegawai belum lengkap ({data}); sebagian aturan tidak dapat diperiksa."
    ),
    "mutasi.tujuan_kosong": QT_TRANSLATE_NOOP("Pesan", "Jabatan tujuan belum dipilih."),
    "mutasi.tujuan_nonaktif": QT_TRANSLATE_NOOP(
        "Pesan", "Jabatan tujuan \u201c{jabatan}\u201d sudah tidak aktif dalam peta jabatan."
    ),
    "mutasi.tujuan_sama": QT_TRANSLATE_NOOP(
        "Pesan", "Jabatan tujuan sama dengan jabatan asal (\u201c{jabatan}\u201d)."
    ),
    "mutasi.tujuan_tanpa_abk": QT_TRANSLATE_NOOP(
        "Pesan",
        "Jabatan tujuan \u201c{jabatan}\u201d belum memiliki hasil ABK; kebutuhan pegawainya "
        "tidak dapat diperiksa.",
    ),
    "mutasi.tujuan_tidak_kurang": QT_TRANSLATE_NOOP(
        "Pesan",
        "Jabatan tujuan \u201c{jabatan}\u201d tidak kekurangan pegawai menurut ABK "
        "(kebutuhan {kebutuhan}, sudah {ada} termasuk usulan lain).",
    ),
    "mutasi.asal_jadi_kurang": QT_TRANSLATE_NOOP(
        "Pesan",
        "Jabatan asal \u201c{jabatan}\u201d akan kekurangan pegawai (kebutuhan {kebutuhan}, "
        "tinggal {sesudah} orang sesudah mutasi).",
    ),
    "mutasi.asal_beda": QT_TRANSLATE_NOOP(
        "Pesan",
        "Jabatan asal \u201c{jabatan}\u201d bukan jabatan pegawai saat ini; data pegawai "
        "sudah berubah sejak usulan dibuat.",
    ),
    "mutasi.pendidikan_kurang": QT_TRANSLATE_NOOP(
        "Pesan",
        "Pendidikan {pendidikan} di bawah syarat jabatan \u201c{jabatan}\u201d ({syarat}).",
    ),
    "mutasi.golongan_kurang": QT_TRANSLATE_NOOP(
        "Pesan",
        "Golongan {golongan} di bawah syarat jabatan \u201c{jabatan}\u201d ({syarat}).",
    ),
    "mutasi.jenjang_beda": QT_TRANSLATE_NOOP(
        "Pesan",
        "Jenjang jabatan berubah dari {asal} ke {tujuan}: ini perpindahan jabatan, bukan mutasi "
        "biasa, dan memerlukan pengangkatan sesuai ketentuannya.",
    ),
    "mutasi.fungsional_beda": QT_TRANSLATE_NOOP(
        "Pesan",
        "Jabatan fungsional berubah dari {asal} ke {tujuan}: perpindahan antarjabatan "
        "fungsional memerlukan pengangkatan menurut ketentuan jabatan fungsional tujuan.",
    ),
    "mutasi.kompetensi_kurang": QT_TRANSLATE_NOOP(
        "Pesan",
        "Belum memiliki {jumlah} dari {syarat} kompetensi jabatan tujuan: {kurang}. "
        "Dicatat sebagai kebutuhan pelatihan.",
    ),
    "mutasi.dokumen_antar_instansi": QT_TRANSLATE_NOOP(
        "Pesan",
        "Mutasi antarinstansi memerlukan: surat permohonan, surat usul PPK penerima dan "
        "persetujuan PPK asal (menyebut jabatannya), ANJAB-ABK jabatan tujuan, SK pangkat/"
        "jabatan terakhir, penilaian kinerja baik 2 tahun terakhir, pernyataan tidak sedang "
        "hukuman disiplin atau proses peradilan, pernyataan tidak tugas belajar/ikatan dinas, "
        "dan surat bebas temuan Inspektorat.",
    ),
    "mutasi.tmt_lampau": QT_TRANSLATE_NOOP("Pesan", "TMT rencana {tmt} sudah lewat."),
    # proposals and workflow
    "mutasi.usulan_tidak_ditemukan": QT_TRANSLATE_NOOP("Pesan", "Usulan mutasi tidak ditemukan."),
    "mutasi.diblokir": QT_TRANSLATE_NOOP(
        "Pesan",
        "Usulan mutasi {nama} tidak dapat diproses: {jumlah} aturan menghalangi. {pesan}",
    ),
    "mutasi.alasan_wajib": QT_TRANSLATE_NOOP(
        "Pesan",
        "Peringatan \u201c{aturan}\u201d hanya dapat diabaikan dengan alasan tertulis "
        "(paling sedikit {min} karakter).",
    ),
    "mutasi.blokir_tidak_dapat_diabaikan": QT_TRANSLATE_NOOP(
        "Pesan", "Aturan \u201c{aturan}\u201d menghalangi mutasi dan tidak dapat diabaikan."
    ),
    "mutasi.peringatan_belum_dialasankan": QT_TRANSLATE_NOOP(
        "Pesan",
        "Usulan mutasi {nama} masih memiliki {jumlah} peringatan tanpa alasan: {aturan}.",
    ),
    "mutasi.transisi_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan",
        "Langkah \u201c{langkah}\u201d tidak dapat dilakukan pada usulan berstatus {status}.",
    ),
    "mutasi.catatan_wajib": QT_TRANSLATE_NOOP(
        "Pesan", "Langkah \u201c{langkah}\u201d memerlukan catatan tertulis."
    ),
    "mutasi.diubah_pengguna_lain": QT_TRANSLATE_NOOP(
        "Pesan",
        "Usulan mutasi ini telah diubah oleh pengguna lain sejak dibuka. Muat ulang lalu ulangi.",
    ),
    "mutasi.hanya_draf": QT_TRANSLATE_NOOP(
        "Pesan",
        "Usulan berstatus {status} tidak dapat diubah; kembalikan dulu ke draf.",
    ),
    "mutasi.jenis_butuh_instansi": QT_TRANSLATE_NOOP(
        "Pesan", "Mutasi {jenis} memerlukan nama instansi asal atau tujuan."
    ),
    # batches
    "mutasi.batch_tidak_ditemukan": QT_TRANSLATE_NOOP("Pesan", "Kelompok usulan tidak ditemukan."),
    "mutasi.batch_kosong": QT_TRANSLATE_NOOP(
        "Pesan", "Kelompok usulan \u201c{nama}\u201d belum berisi usulan."
    ),
    "mutasi.batch_terkunci": QT_TRANSLATE_NOOP(
        "Pesan",
        "Kelompok usulan \u201c{nama}\u201d berstatus {status} dan tidak dapat diubah lagi.",
    ),
    "mutasi.batch_bukan_disetujui": QT_TRANSLATE_NOOP(
        "Pesan",
        "Usulan mutasi {nama} berstatus {status}; hanya usulan yang disetujui dapat "
        "dimasukkan ke kelompok SK.",
    ),
    "mutasi.sudah_dalam_batch": QT_TRANSLATE_NOOP(
        "Pesan", "Usulan mutasi {nama} sudah ada di kelompok \u201c{batch}\u201d."
    ),
    # consultation, objections, training
    "mutasi.forum_tidak_ditemukan": QT_TRANSLATE_NOOP("Pesan", "Forum konsultasi tidak ditemukan."),
    "mutasi.sikap_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan", "Sikap \u201c{value}\u201d tidak dikenal (bersedia, tidak_bersedia, ingin_pindah)."
    ),
    "mutasi.keberatan_tidak_ditemukan": QT_TRANSLATE_NOOP("Pesan", "Keberatan tidak ditemukan."),
    "mutasi.keberatan_sebelum_sk": QT_TRANSLATE_NOOP(
        "Pesan", "Tanggal keberatan {diajukan} lebih awal dari tanggal SK {tanggal_sk}."
    ),
    "mutasi.jawaban_sebelum_keberatan": QT_TRANSLATE_NOOP(
        "Pesan", "Tanggal jawaban {jawaban} lebih awal dari tanggal keberatan {diajukan}."
    ),
    "mutasi.keberatan_sudah_selesai": QT_TRANSLATE_NOOP(
        "Pesan", "Keberatan ini sudah selesai ({status})."
    ),
    "mutasi.pelatihan_tidak_ditemukan": QT_TRANSLATE_NOOP(
        "Pesan", "Kebutuhan pelatihan tidak ditemukan."
    ),
    "mutasi.pelatihan_sudah_selesai": QT_TRANSLATE_NOOP(
        "Pesan", "Kebutuhan pelatihan \u201c{topik}\u201d sudah berstatus {status}."
    ),
    # optimiser
    "rencana.tanpa_abk": QT_TRANSLATE_NOOP(
        "Pesan",
        "Belum ada analisis beban kerja (ABK); rencana mutasi memerlukan kebutuhan pegawai per "
        "jabatan.",
    ),
    "rencana.gagal": QT_TRANSLATE_NOOP(
        "Pesan", "Pemecah optimasi tidak menemukan rencana (status {status})."
    ),
    "rencana.langkah_tidak_ada": QT_TRANSLATE_NOOP(
        "Pesan", "Langkah rencana {id} tidak ada dalam rencana ini."
    ),
    "rencana.batas_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan", "Batas jumlah mutasi harus 0 atau lebih (ditemukan: {value})."
    ),
    "rencana.kecocokan_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan", "Batas kecocokan kompetensi harus antara 0 dan 1 (ditemukan: {value})."
    ),
}
TEMPLATES.update(_MUTASI)

# Decrees (SK): settings, templates, numbering, lifecycle, files and verification.
_SK: dict[str, str] = {
    "nomor.pola_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan", "Pola nomor \u201c{pola}\u201d tidak dapat dipakai: {detail}."
    ),
    "sk.template_tidak_sah": QT_TRANSLATE_NOOP("Pesan", "Templat surat keputusan rusak: {detail}."),
    "sk.template_tidak_ada": QT_TRANSLATE_NOOP(
        "Pesan", "Templat surat keputusan \u201c{nama}\u201d tidak ditemukan."
    ),
    "sk.pengaturan_belum_lengkap": QT_TRANSLATE_NOOP(
        "Pesan",
        "Pengaturan daerah belum lengkap: isi nama daerah, nama Bupati dan Sekretaris Daerah "
        "di menu Pengaturan lebih dulu.",
    ),
    "sk.ukuran_huruf": QT_TRANSLATE_NOOP(
        "Pesan", "Ukuran huruf harus antara {min} dan {max} poin."
    ),
    "sk.margin_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan", "Batas tepi kertas harus antara 5 dan 60 mm."
    ),
    "sk.logo_bukan_gambar": QT_TRANSLATE_NOOP("Pesan", "Logo harus berupa gambar PNG atau JPEG."),
    "sk.logo_terlalu_besar": QT_TRANSLATE_NOOP(
        "Pesan", "Berkas logo terlalu besar (paling besar {maks} KB)."
    ),
    "sk.tidak_ditemukan": QT_TRANSLATE_NOOP("Pesan", "Surat keputusan tidak ditemukan."),
    "sk.final_terkunci": QT_TRANSLATE_NOOP(
        "Pesan",
        "SK Nomor {nomor} sudah ditetapkan dan tidak dapat diubah. Untuk memperbaikinya, buat "
        "SK koreksi; SK lama dibatalkan saat SK koreksi ditetapkan.",
    ),
    "sk.nomor_terkunci": QT_TRANSLATE_NOOP(
        "Pesan",
        "Nomor {nomor} sudah tercatat di register dan tidak dapat diubah atau dihapus; "
        "nomor hanya dapat dibatalkan dengan alasan.",
    ),
    "sk.diubah_pengguna_lain": QT_TRANSLATE_NOOP(
        "Pesan",
        "Surat keputusan ini telah diubah oleh pengguna lain sejak dibuka. Muat ulang lalu ulangi.",
    ),
    "sk.batch_sudah_ada_sk": QT_TRANSLATE_NOOP(
        "Pesan", "Kelompok \u201c{nama}\u201d sudah mempunyai surat keputusan."
    ),
    "sk.tanpa_baris": QT_TRANSLATE_NOOP(
        "Pesan", "Surat keputusan belum memuat seorang pegawai pun."
    ),
    "sk.tmt_kosong": QT_TRANSLATE_NOOP("Pesan", "Tanggal mulai berlaku (TMT) mutasi belum diisi."),
    "sk.penandatangan_kosong": QT_TRANSLATE_NOOP(
        "Pesan", "Nama penanda tangan SK belum diisi (Pengaturan)."
    ),
    "sk.pengesah_kosong": QT_TRANSLATE_NOOP(
        "Pesan",
        "Nama Sekretaris Daerah yang mengesahkan petikan belum diisi (Pengaturan).",
    ),
    "sk.tanpa_diktum": QT_TRANSLATE_NOOP("Pesan", "Surat keputusan belum mempunyai diktum."),
    "sk.daftar_kosong": QT_TRANSLATE_NOOP("Pesan", "Daftar {label} tidak boleh kosong."),
    "sk.pegawai_ganda": QT_TRANSLATE_NOOP(
        "Pesan", "{nama} tercantum dua kali (baris {baris} dan {lagi})."
    ),
    "sk.isian_kosong": QT_TRANSLATE_NOOP(
        "Pesan", "Masih ada bagian yang belum dilengkapi (\u2026): \u201c{teks}\u201d."
    ),
    "sk.isian_tidak_dikenal": QT_TRANSLATE_NOOP(
        "Pesan", "Isian {{{nama}}} tidak dikenal; periksa ejaannya."
    ),
    "sk.baris_tidak_ada": QT_TRANSLATE_NOOP(
        "Pesan", "Baris pegawai itu tidak ada dalam surat keputusan ini."
    ),
    "sk.nomor_bentrok": QT_TRANSLATE_NOOP(
        "Pesan",
        "Nomor SK bentrok dengan nomor yang baru saja diberikan di komputer lain. Ulangi "
        "penetapan; tidak ada yang tersimpan.",
    ),
    "sk.nomor_sudah_dipakai": QT_TRANSLATE_NOOP(
        "Pesan", "Nomor urut {urut} tahun {tahun} sudah tercatat di register."
    ),
    "sk.nomor_tidak_cocok_pola": QT_TRANSLATE_NOOP(
        "Pesan", "Nomor \u201c{nomor}\u201d tidak sesuai dengan pola penomoran {pola}."
    ),
    "sk.rentang_tidak_sah": QT_TRANSLATE_NOOP(
        "Pesan", "Rentang nomor {dari} sampai {sampai} tidak sah."
    ),
    "sk.keterangan_wajib": QT_TRANSLATE_NOOP(
        "Pesan", "Tuliskan untuk surat apa nomor itu dipakai."
    ),
    "sk.nomor_tidak_ditemukan": QT_TRANSLATE_NOOP("Pesan", "Nomor itu tidak ada dalam register."),
    "sk.nomor_milik_sk": QT_TRANSLATE_NOOP(
        "Pesan",
        "Nomor {nomor} dipakai oleh surat keputusan; batalkan surat keputusannya, bukan nomornya.",
    ),
    "sk.alasan_wajib": QT_TRANSLATE_NOOP("Pesan", "Alasan wajib diisi."),
    "sk.konsep_tidak_dibatalkan": QT_TRANSLATE_NOOP(
        "Pesan", "Konsep SK belum bernomor; hapus konsepnya bila tidak dipakai."
    ),
    "sk.sudah_dibatalkan": QT_TRANSLATE_NOOP("Pesan", "SK Nomor {nomor} sudah dibatalkan."),
    "sk.ada_konsep_koreksi": QT_TRANSLATE_NOOP(
        "Pesan",
        "Sudah ada konsep SK koreksi atas SK Nomor {nomor}; selesaikan atau hapus konsep itu.",
    ),
    "sk.koreksi_bukan_final": QT_TRANSLATE_NOOP(
        "Pesan", "Hanya SK yang sudah ditetapkan dan masih berlaku yang dapat dikoreksi."
    ),
    "sk.sudah_dilaksanakan": QT_TRANSLATE_NOOP(
        "Pesan",
        "Mutasi {nama} sudah dilaksanakan; data jabatannya tidak dikembalikan otomatis.",
    ),
    "sk.verifikasi.sah": QT_TRANSLATE_NOOP(
        "Pesan",
        "ASLI: {dokumen}, Keputusan Nomor {nomor} tanggal {tanggal}, tercatat di register "
        "dan masih berlaku (kode {kode}).",
    ),
    "sk.verifikasi.dibatalkan": QT_TRANSLATE_NOOP(
        "Pesan",
        "DIBATALKAN: {dokumen} asli, tetapi Keputusan Nomor {nomor} tanggal {tanggal} telah "
        "dibatalkan ({alasan}).",
    ),
    "sk.verifikasi.berkas_diubah": QT_TRANSLATE_NOOP(
        "Pesan",
        "TIDAK SAH: kode {kode} milik {dokumen} (Keputusan Nomor {nomor}), tetapi isi berkas "
        "ini berbeda dari cetakan aslinya.",
    ),
    "sk.verifikasi.kode_tidak_dikenal": QT_TRANSLATE_NOOP(
        "Pesan", "TIDAK DIKENAL: kode {kode} tidak tercatat di register surat keputusan."
    ),
    "sk.verifikasi.tanpa_kode": QT_TRANSLATE_NOOP(
        "Pesan", "TIDAK SAH: berkas ini tidak memuat kode verifikasi Mutasi Desktop."
    ),
    "sk.verifikasi.konsep": QT_TRANSLATE_NOOP(
        "Pesan", "KONSEP: berkas ini cetakan konsep (draft), bukan surat keputusan yang sah."
    ),
    "sk.verifikasi.isi_rusak": QT_TRANSLATE_NOOP(
        "Pesan",
        "PERINGATAN: isi Keputusan Nomor {nomor} di basis data tidak lagi cocok dengan sidik "
        "(hash) yang disimpan saat penetapan. Periksa basis data dan cadangannya.",
    ),
}
TEMPLATES.update(_SK)


def template(code: str) -> str:
    return TEMPLATES.get(code, code)


def render(code: str, params: dict[str, Any] | None = None, translate: Any = None) -> str:
    """Fill the template of ``code``; ``translate(context, text)`` may localise it first."""
    text = template(code)
    if translate is not None:
        text = translate(CONTEXT, text)
    try:
        return text.format(**(params or {}))
    except (KeyError, IndexError, ValueError):
        return text
