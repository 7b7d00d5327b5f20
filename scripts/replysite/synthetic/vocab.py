"""Word lists for the synthetic reply generator (`synthetic.py`): an invented city, 示例市.

Every name here is invented or generic; nothing refers to a real deputy, member or letter.
Strings used in front-matter avoid YAML indicators (`:`, `#`, `,`, brackets, quotes).
"""

from __future__ import annotations

CITY = "示例市"

# (id, full name, short names, aliases, 文号 prefix, how the unit calls itself in a letter)
UNITS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], str, str], ...] = (
    ("shili-fagaiwei", "示例市发展和改革委员会", ("市发改委",), ("示例市发改委",), "示发改", "我委"),
    ("shili-jiaoyuju", "示例市教育局", ("市教育局",), ("示例市教育局机关",), "示教", "我局"),
    ("shili-kejiju", "示例市科学技术局", ("市科技局",), ("示例市科技局",), "示科", "我局"),
    ("shili-gongxinju", "示例市工业和信息化局", ("市工信局",), ("示例市工信局",), "示工信", "我局"),
    ("shili-gonganju", "示例市公安局", ("市公安局",), ("示例市公安局机关",), "示公", "我局"),
    ("shili-minzhengju", "示例市民政局", ("市民政局",), ("示例市民政局机关",), "示民", "我局"),
    ("shili-sifaju", "示例市司法局", ("市司法局",), ("示例市司法局机关",), "示司", "我局"),
    ("shili-caizhengju", "示例市财政局", ("市财政局",), ("示例市财政局机关",), "示财", "我局"),
    ("shili-renshebu", "示例市人力资源和社会保障局", ("市人社局",), ("示例市人社局",), "示人社", "我局"),
    ("shili-ziranziyuan", "示例市自然资源和规划局", ("市自然资源局",), ("示例市规划局",), "示自然", "我局"),
    ("shili-shengtaihuanjing", "示例市生态环境局", ("市生态环境局",), ("示例市环保局",), "示环", "我局"),
    ("shili-zhujianju", "示例市住房和城乡建设局", ("市住建局",), ("示例市住建局",), "示建", "我局"),
    ("shili-jiaotongju", "示例市交通运输局", ("市交通局",), ("示例市交通运输局机关",), "示交", "我局"),
    ("shili-shuiliju", "示例市水利局", ("市水利局",), ("示例市水务局",), "示水", "我局"),
    ("shili-nongyenongcun", "示例市农业农村局", ("市农业农村局",), ("示例市农业局",), "示农", "我局"),
    ("shili-shangwuju", "示例市商务局", ("市商务局",), ("示例市商务局机关",), "示商", "我局"),
    ("shili-wenlvju", "示例市文化广电旅游局", ("市文广旅局",), ("示例市文旅局",), "示文旅", "我局"),
    ("shili-weijianwei", "示例市卫生健康委员会", ("市卫健委",), ("示例市卫健委",), "示卫健", "我委"),
    ("shili-tuiyijunren", "示例市退役军人事务局", ("市退役军人局",), ("示例市退役军人局",), "示退役", "我局"),
    ("shili-yingjiju", "示例市应急管理局", ("市应急局",), ("示例市应急局",), "示应急", "我局"),
    ("shili-shijianju", "示例市市场监督管理局", ("市市场监管局",), ("示例市市场监管局",), "示市监", "我局"),
    ("shili-tongjiju", "示例市统计局", ("市统计局",), ("示例市统计局机关",), "示统", "我局"),
    ("shili-yibaoju", "示例市医疗保障局", ("市医保局",), ("示例市医保局",), "示医保", "我局"),
    ("shili-chengguanju", "示例市城市管理局", ("市城管局",), ("示例市城管局",), "示城管", "我局"),
    ("shili-zhengshuju", "示例市政务服务数据管理局", ("市政数局",), ("示例市政数局",), "示政数", "我局"),
    ("shili-linyeju", "示例市林业局", ("市林业局",), ("示例市林业局机关",), "示林", "我局"),
    ("shili-tiyuju", "示例市体育局", ("市体育局",), ("示例市体育局机关",), "示体", "我局"),
    ("shili-xinfangju", "示例市信访局", ("市信访局",), ("示例市信访局机关",), "示信访", "我局"),
    ("shili-yingshangban", "示例市优化营商环境工作领导小组办公室", ("市营商办",), ("示例市营商办",),
     "示营商", "我办"),
    ("shili-guoziwei", "示例市人民政府国有资产监督管理委员会", ("市国资委",), ("示例市国资委",), "示国资", "我委"),
    ("shili-jiguanshiwu", "示例市机关事务管理局", ("市机关事务局",), ("示例市机关事务局",), "示机管", "我局"),
    ("shili-gongjijin", "示例市住房公积金管理中心", ("市公积金中心",), ("示例市公积金中心",), "示金", "我中心"),
    ("shili-shuiwuju", "国家税务总局示例市税务局", ("市税务局",), ("示例市税务局",), "示税", "我局"),
    ("shili-gongdian", "国网示例供电公司", ("市供电公司",), ("示例供电公司",), "示电", "我公司"),
    ("shili-shuiwujituan", "示例市水务集团有限公司", ("市水务集团",), ("示例水务集团",), "示水务", "我公司"),
    ("shili-canlian", "示例市残疾人联合会", ("市残联",), ("示例市残联",), "示残", "我会"),
    ("shili-zonggonghui", "示例市总工会", ("市总工会",), ("示例市工会",), "示工", "我会"),
    ("shili-fulian", "示例市妇女联合会", ("市妇联",), ("示例市妇联",), "示妇", "我会"),
    ("shili-donghuqu", "示例市东湖区人民政府", ("东湖区政府",), ("东湖区人民政府",), "东府", "我区"),
    ("shili-xishanqu", "示例市西山区人民政府", ("西山区政府",), ("西山区人民政府",), "西府", "我区"),
    ("shili-qingxixian", "示例市青溪县人民政府", ("青溪县政府",), ("青溪县人民政府",), "青府", "我县"),
    ("shili-gaoxinqu", "示例高新技术产业开发区管理委员会", ("高新区管委会",), ("示例高新区管委会",),
     "示高新", "我委"),
)

# (id, name, aliases, title objects, key phrases used in the body)
TOPICS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("yingshang-huanjing", "营商环境", ("优化营商环境",),
     ("进一步优化我市营商环境", "减轻中小微企业负担", "构建亲清政商关系"),
     ("营商环境", "惠企政策直达快享", "企业安静日", "首违不罚")),
    ("zhengwu-fuwu", "政务服务", ("便民服务",),
     ("提升政务服务便利化水平", "推进高效办成一件事", "完善基层便民服务中心建设"),
     ("一网通办", "高效办成一件事", "好差评", "帮办代办")),
    ("jianguan-zhifa", "监管执法", ("双随机一公开", "包容审慎监管"),
     ("规范涉企行政检查", "推进包容审慎监管", "加强综合行政执法"),
     ("双随机、一公开", "互联网+监管", "包容审慎监管", "综合行政执法")),
    ("fangguanfu", "放管服改革", ("简政放权",),
     ("深化放管服改革", "推进工程建设项目审批制度改革"),
     ("放管服", "证照分离", "告知承诺制", "容缺受理")),
    ("jiaoyu", "教育", ("教育事业",),
     ("推进义务教育优质均衡发展", "加强中小学校园周边交通治理", "扩大普惠性学前教育资源"),
     ("双减", "集团化办学", "课后服务", "教师队伍建设")),
    ("yiliao-weisheng", "医疗卫生", ("卫生健康",),
     ("提升基层医疗服务能力", "推进紧密型县域医共体建设", "缓解群众看病难问题"),
     ("医共体", "家庭医生签约服务", "分级诊疗", "基层首诊")),
    ("yanglao-fuwu", "养老服务", ("居家养老",),
     ("发展社区居家养老服务", "推进医养结合", "解决老年人助餐难题"),
     ("居家社区养老", "长者食堂", "医养结合", "适老化改造")),
    ("jiuye-chuangye", "就业创业", ("稳就业",),
     ("促进高校毕业生就业", "支持返乡入乡创业", "加强技能人才培养"),
     ("家门口就业", "创业担保贷款", "以工代训", "零工市场")),
    ("shehui-baozhang", "社会保障", ("社保",),
     ("扩大社会保险覆盖面", "完善城乡居民医保政策", "加强困难群众救助"),
     ("应保尽保", "医保支付方式改革", "社会救助", "灵活就业人员参保")),
    ("jiaotong-chuxing", "交通出行", ("公共交通",),
     ("优化城市公交线路", "缓解中心城区交通拥堵", "加快农村公路提档升级"),
     ("公交优先", "四好农村路", "智慧停车", "绿色出行")),
    ("chengshi-guanli", "城市管理", ("城市治理",),
     ("加强背街小巷环境整治", "规范城市占道经营", "提升城市精细化管理水平"),
     ("网格化管理", "城市精细化管理", "门前三包", "垃圾分类")),
    ("laojiu-xiaoqu", "老旧小区改造", ("城镇老旧小区改造",),
     ("加快老旧小区改造", "推进既有住宅加装电梯", "解决老旧小区停车难问题"),
     ("老旧小区改造", "加装电梯", "完整社区", "15分钟生活圈")),
    ("shengtai-huanjing", "生态环境", ("环境保护",),
     ("加强城区河道水环境治理", "推进大气污染联防联控", "加强农村生活污水治理"),
     ("河湖长制", "蓝天保卫战", "碳达峰碳中和", "污染防治攻坚")),
    ("xiangcun-zhenxing", "乡村振兴", ("巩固拓展脱贫攻坚成果",),
     ("全面推进乡村振兴", "发展壮大村级集体经济", "推进和美乡村建设"),
     ("乡村振兴", "村级集体经济", "和美乡村", "防止返贫动态监测")),
    ("nongye-nongcun", "农业农村", ("三农",),
     ("加强高标准农田建设", "发展特色农业产业", "完善农产品冷链物流体系"),
     ("高标准农田", "一村一品", "农业社会化服务", "粮食安全")),
    ("wenhua-lvyou", "文化旅游", ("文旅融合",),
     ("推动文旅深度融合发展", "加强历史文化街区保护", "丰富群众文化生活"),
     ("文旅融合", "全域旅游", "公共文化服务", "非遗保护")),
    ("keji-chuangxin", "科技创新", ("创新驱动",),
     ("支持企业加大研发投入", "加强科技人才引进培育", "推动科技成果转化"),
     ("创新驱动", "高新技术企业培育", "科技成果转化", "产学研合作")),
    ("shipin-anquan", "食品安全", ("食品药品安全",),
     ("加强校园食品安全监管", "规范农贸市场食品经营"),
     ("明厨亮灶", "食品安全追溯", "四个最严", "抽检监测")),
    ("zhufang-baozhang", "住房保障", ("保障性住房",),
     ("加大保障性租赁住房供给", "完善公租房分配管理"),
     ("保障性租赁住房", "公租房", "住房公积金", "租购并举")),
    ("anquan-shengchan", "安全生产", ("应急管理",),
     ("加强燃气安全隐患排查整治", "提升基层应急处置能力", "加强电动自行车安全管理"),
     ("安全生产", "隐患排查整治", "应急演练", "三管三必须")),
    ("shuili-fangxun", "水利防汛", ("防汛抗旱",),
     ("加强中小河流治理", "完善城市排水防涝设施", "加快农村供水保障工程建设"),
     ("防汛抗旱", "海绵城市", "城乡供水一体化", "河道清淤")),
    ("shuzi-zhengfu", "数字政府", ("数字化改革",),
     ("加快数字政府建设", "推进政务数据共享应用", "弥合老年人数字鸿沟"),
     ("数字政府", "数据共享", "一网统管", "城市大脑")),
    ("jiceng-zhili", "基层治理", ("社区治理",),
     ("加强城乡社区治理", "为基层减负赋能", "发展壮大社区工作者队伍"),
     ("网格化服务管理", "枫桥经验", "接诉即办", "社区议事协商")),
    ("tuoyu-fuwu", "婴幼儿托育", ("托育服务",),
     ("发展普惠托育服务", "支持用人单位办托"),
     ("普惠托育", "托育机构", "一老一小", "育儿补贴")),
    ("wuye-guanli", "物业管理", ("物业服务",),
     ("规范住宅小区物业管理", "推进红色物业建设"),
     ("红色物业", "业主委员会", "物业服务质量", "维修资金")),
    ("tiyu-jianshen", "全民健身", ("体育健身",),
     ("完善全民健身设施", "推动学校体育场馆向社会开放"),
     ("全民健身", "15分钟健身圈", "体教融合", "社会体育指导员")),
)

DISTRICTS = ("东湖区", "西山区", "南江区", "北岭区", "青溪县", "白石县", "示例高新区", "临港经开区")
TOWNS = ("桃源镇", "石桥镇", "清水镇", "长乐镇", "柳林乡", "新华街道", "滨江街道", "望湖街道",
         "人民路街道", "凤凰街道", "红星乡", "丰收镇")
COMMUNITIES = ("幸福里社区", "和平社区", "锦绣社区", "光明村", "杨柳村", "新塘村", "桂花社区",
               "朝阳社区", "大坪村", "湖滨社区")
ROADS = ("解放大道", "滨江路", "学府路", "建设路", "人民路", "迎宾大道", "湖心路", "工业大道")

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
            "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙"
            "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文海波辉鹏宇浩"
         "晨欣怡佳雪梅琳斌林峰晓东亮丹凤云飞龙春燕慧颖婷宏德荣新立成坤岩琦瑶博涵睿")

COLLECTIVE_MEMBERS = ("民革示例市委员会", "民盟示例市委员会", "民建示例市委员会", "民进示例市委员会",
                      "农工党示例市委员会", "九三学社示例市委员会", "经济界别委员小组",
                      "医药卫生界别委员小组", "教育界别委员小组", "农业和农村界别委员小组",
                      "科技界别委员小组", "社会福利和社会保障界别委员小组")
COLLECTIVE_DEPUTIES = ("东湖区代表团", "西山区代表团", "青溪县代表团", "白石县代表团")

CC_JIANYI = ("市人大常委会代表工作委员会", "市人大常委会选举任免联络办公室", "市政府督查室")
CC_TIAN = ("市政协提案委员会", "市政协办公室", "市政府督查室")

POLICIES = ("营商环境", "双随机、一公开", "放管服", "乡村振兴", "老旧小区改造", "一网通办",
            "互联网+监管", "高效办成一件事", "15分钟生活圈", "网格化管理", "河湖长制", "数字政府",
            "接诉即办", "一老一小", "新型城镇化", "全民健身", "家门口就业", "碳达峰碳中和")
PLATFORMS = ("示例通", "示例政务服务网", "示例e家", "一网统管", "市民服务热线", "示例市民云")
THINGS = ("项目", "问题线索", "服务站点", "培训班次", "示范点", "公共设施", "民生实事", "整改事项",
          "宣传活动", "督导检查", "帮扶对象", "试点单位")
ACTIONS = ("持续推进", "不断完善", "切实加强", "深入开展", "全面落实", "积极探索", "着力提升",
           "进一步健全", "大力推广", "统筹推进")
MECHANISMS = ("工作机制", "考核评价体系", "政策支撑体系", "要素保障", "协调联动机制", "长效管理机制",
              "服务体系", "监测预警机制", "资金投入机制")

DISCLOSURE_NOTES_SUMMARY = ("答复涉及企业经营信息，仅公开答复摘要", "部分内容涉及第三方合法权益，公开摘要",
                            "答复附件涉及内部工作材料，仅公开摘要")
DISCLOSURE_NOTES_NONE = ("答复内容涉及个人隐私", "答复涉及第三方商业秘密，经征求意见不同意公开",
                         "答复内容属于过程性信息，依法不予公开")
SUMMARY_OPENINGS = ("答复摘要：", "本答复摘要如下：")

# The units that usually handle each topic (by unit id); other units are drawn now and then.
TOPIC_UNITS: dict[str, tuple[str, ...]] = {
    "yingshang-huanjing": ("shili-yingshangban", "shili-fagaiwei", "shili-shijianju"),
    "zhengwu-fuwu": ("shili-zhengshuju", "shili-yingshangban"),
    "jianguan-zhifa": ("shili-shijianju", "shili-sifaju", "shili-chengguanju"),
    "fangguanfu": ("shili-zhengshuju", "shili-fagaiwei", "shili-sifaju"),
    "jiaoyu": ("shili-jiaoyuju", "shili-donghuqu", "shili-xishanqu"),
    "yiliao-weisheng": ("shili-weijianwei", "shili-yibaoju"),
    "yanglao-fuwu": ("shili-minzhengju", "shili-weijianwei"),
    "jiuye-chuangye": ("shili-renshebu", "shili-zonggonghui"),
    "shehui-baozhang": ("shili-renshebu", "shili-yibaoju", "shili-minzhengju"),
    "jiaotong-chuxing": ("shili-jiaotongju", "shili-gonganju"),
    "chengshi-guanli": ("shili-chengguanju", "shili-donghuqu"),
    "laojiu-xiaoqu": ("shili-zhujianju", "shili-xishanqu"),
    "shengtai-huanjing": ("shili-shengtaihuanjing", "shili-shuiliju", "shili-linyeju"),
    "xiangcun-zhenxing": ("shili-nongyenongcun", "shili-qingxixian"),
    "nongye-nongcun": ("shili-nongyenongcun", "shili-shangwuju"),
    "wenhua-lvyou": ("shili-wenlvju",),
    "keji-chuangxin": ("shili-kejiju", "shili-gongxinju", "shili-gaoxinqu"),
    "shipin-anquan": ("shili-shijianju", "shili-jiaoyuju"),
    "zhufang-baozhang": ("shili-zhujianju", "shili-gongjijin"),
    "anquan-shengchan": ("shili-yingjiju", "shili-zhujianju", "shili-gongdian"),
    "shuili-fangxun": ("shili-shuiliju", "shili-shuiwujituan", "shili-chengguanju"),
    "shuzi-zhengfu": ("shili-zhengshuju", "shili-gongxinju"),
    "jiceng-zhili": ("shili-minzhengju", "shili-xinfangju", "shili-donghuqu"),
    "tuoyu-fuwu": ("shili-weijianwei", "shili-fulian"),
    "wuye-guanli": ("shili-zhujianju", "shili-xishanqu"),
    "tiyu-jianshen": ("shili-tiyuju", "shili-jiaoyuju"),
}
