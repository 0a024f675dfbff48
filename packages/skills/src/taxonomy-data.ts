/**
 * The skills the platform knows, grouped by the function that uses them most. One line per skill:
 * `Label | synonym, synonym | related, related`. Synonyms are other ways people write the same skill
 * (on resumes and in job descriptions); related skills are different skills that transfer partly
 * (a React developer picks up Next.js quickly). Related names must be labels of this list; the
 * taxonomy test checks it. Hebrew synonyms are the spellings Israeli resumes use.
 */
export const TAXONOMY_SOURCE: Record<string, string> = {
  engineering: `
    TypeScript | TS | JavaScript, Node.js, React
    JavaScript | JS, ECMAScript, ES6, ג'אווהסקריפט | TypeScript, Node.js, React
    Node.js | Node, NodeJS, Node JS | TypeScript, JavaScript, Express
    Express | Express.js, ExpressJS | Node.js
    React | React.js, ReactJS, React JS, ריאקט | Next.js, TypeScript, JavaScript, React Native
    React Native | RN | React, iOS, Android
    Next.js | NextJS, Next JS | React
    Angular | AngularJS, Angular.js | TypeScript, JavaScript
    Vue.js | Vue, VueJS | JavaScript, TypeScript
    Go | Golang | Rust, Kubernetes, Microservices
    Python | Python3, Python 3, פייתון | Django, Pandas, Go
    Django | | Python, PostgreSQL
    Java | J2EE, Java EE, ג'אווה | Kotlin, Spring, Scala
    Spring | Spring Boot, Spring Framework | Java, Kotlin
    Kotlin | | Java, Android
    Scala | | Java, Spark
    Swift | SwiftUI | iOS, Objective-C
    Objective-C | ObjC | Swift, iOS
    iOS | iOS development, iPhone development | Swift, Objective-C
    Android | Android development | Kotlin, Java
    Rust | | C++, Go
    C++ | CPP, C plus plus | C, Rust, Embedded C
    C | C language | C++, Embedded C
    C# | C Sharp, CSharp, .NET, dotnet | Java
    Ruby | Ruby on Rails, Rails, RoR | Python
    PHP | Laravel | JavaScript
    Embedded C | Embedded, Firmware, Embedded systems | C, C++, RTOS
    RTOS | FreeRTOS, Real-time operating systems | Embedded C
    ROS | Robot Operating System, ROS2 | C++, Python
    PostgreSQL | Postgres, PSQL, Postgre SQL | SQL, MySQL
    MySQL | MariaDB | SQL, PostgreSQL
    MongoDB | Mongo | NoSQL
    NoSQL | | MongoDB, Redis, DynamoDB
    DynamoDB | Dynamo DB | AWS, NoSQL
    Redis | | NoSQL
    Elasticsearch | Elastic, OpenSearch, ELK | 
    Kafka | Apache Kafka | RabbitMQ, Distributed systems
    RabbitMQ | AMQP | Kafka
    AWS | Amazon Web Services, EC2, S3, Lambda | GCP, Azure, Terraform
    GCP | Google Cloud, Google Cloud Platform | AWS, Azure, BigQuery
    Azure | Microsoft Azure | AWS, GCP
    Kubernetes | K8s, EKS, GKE, AKS | Docker, Helm, Terraform
    Helm | Helm charts | Kubernetes
    Docker | Containers, Containerization | Kubernetes
    Terraform | Infrastructure as code, IaC, Pulumi | AWS, Kubernetes
    GraphQL | Apollo | REST APIs
    REST APIs | APIs, REST, RESTful, RESTful APIs, API design, API integrations | GraphQL, gRPC
    gRPC | Protocol Buffers, Protobuf | REST APIs, Microservices
    Distributed systems | Distributed computing | Microservices, Kafka
    Microservices | Microservice architecture, Service-oriented architecture, SOA | Distributed systems
    CI/CD | Continuous integration, Continuous delivery, Jenkins, GitHub Actions, GitLab CI | Docker
    Linux | Unix, Bash, Shell scripting | Docker
    Observability | Monitoring, Prometheus, Grafana, Datadog | Site reliability
    Site reliability | SRE, Site reliability engineering | Observability, Kubernetes
    Security engineering | Application security, AppSec, Cybersecurity, Information security, סייבר | Penetration testing
    Penetration testing | Pentesting, Ethical hacking | Security engineering
    Test automation | QA automation, Selenium, Cypress, Playwright | 
    HTML/CSS | HTML, CSS, HTML5, CSS3, Sass | JavaScript, React
    Webpack | Vite, Babel, esbuild | JavaScript
    Git | Version control | CI/CD
    Ansible | Chef, Puppet, Configuration management | Terraform, Linux
    Full-stack development | Full stack, Full-stack, Fullstack, Full stack development, פולסטאק | React, Node.js
    Incident response | DFIR, Threat hunting | Security engineering, SIEM
    SIEM | Splunk, SOC, Security operations | Incident response, Security engineering
  `,
  data: `
    SQL | T-SQL, PL/SQL | PostgreSQL, MySQL, dbt
    dbt | data build tool | SQL, Snowflake
    Airflow | Apache Airflow | dbt, Python
    Spark | Apache Spark, PySpark | Scala, Python, Databricks
    Databricks | | Spark
    Snowflake | | BigQuery, dbt, SQL
    BigQuery | Big Query | Snowflake, GCP, SQL
    Pandas | NumPy | Python
    scikit-learn | sklearn, Scikit learn | Machine learning, Python
    PyTorch | Torch | TensorFlow, Machine learning
    TensorFlow | Keras | PyTorch, Machine learning
    Machine learning | ML, למידת מכונה | scikit-learn, PyTorch, Statistics
    Statistics | Statistical analysis, Statistical modelling, סטטיסטיקה | Experimentation, Machine learning
    Experimentation | A/B testing, AB testing, Split testing | Statistics
    Looker | LookML | Tableau, Power BI
    Tableau | | Looker, Power BI
    Power BI | PowerBI | Tableau, Excel
    Forecasting | Demand forecasting, Time series | Statistics, Financial modelling
    NLP | Natural language processing | LLMs, Machine learning
    LLMs | Large language models, GenAI, Generative AI, Prompt engineering | NLP
    MLOps | ML engineering, Model deployment | Machine learning, Kubernetes
    Computer vision | CV, Image processing, OpenCV | PyTorch
    Deep learning | Neural networks | Machine learning, PyTorch, TensorFlow
    Business intelligence | BI, BI reporting, Dashboards, דשבורדים | Tableau, Power BI, Looker
  `,
  product: `
    Product discovery | Customer discovery | User research
    Roadmapping | Product roadmap, Roadmap planning | Product discovery
    User research | UX research, Customer interviews | Usability testing
    Jira | Confluence, Atlassian | Agile
    Amplitude | Mixpanel, Product analytics | Analytics
    Pricing | Pricing strategy, Monetization | 
    B2B SaaS | SaaS, B2B | 
    API products | Platform products, Developer products | REST APIs
    Stakeholder management | Stakeholder communication | Communication
    OKRs | Objectives and key results, Goal setting | Roadmapping
    Product management | Product manager, Product owner, ניהול מוצר | Roadmapping, Product discovery
    Product strategy | Product vision, אסטרטגיית מוצר | Roadmapping, Product management
  `,
  design: `
    Figma | Sketch, Adobe XD | Prototyping, Design systems
    Prototyping | Wireframing, Wireframes | Figma
    Design systems | Component libraries | Figma
    Usability testing | User testing | User research
    Interaction design | IxD, UX design, User experience | Prototyping
    Accessibility | a11y, WCAG | HTML/CSS
    Information architecture | IA | Interaction design
    Illustration | Adobe Illustrator | Visual design
    Visual design | UI design, Graphic design, Photoshop | Illustration
    Motion design | Animation, After Effects | Visual design
    UX writing | Content design, Microcopy | Copywriting
  `,
  sales: `
    Salesforce | SFDC, Salesforce CRM | HubSpot
    HubSpot | | Salesforce, Marketo
    MEDDICC | MEDDIC, MEDDPICC | Enterprise sales
    Outbound prospecting | Cold calling, Prospecting, Lead generation, Outbound | Pipeline management
    Negotiation | Contract negotiation, משא ומתן | 
    Enterprise sales | Strategic accounts, Enterprise accounts | SaaS sales, MEDDICC
    SaaS sales | Software sales | Enterprise sales
    Pipeline management | Sales pipeline, Sales forecasting | Forecasting
    Solution selling | Consultative selling, Value selling | Enterprise sales
    Gong | Chorus, Conversation intelligence | Salesforce
    Channel partnerships | Partnerships, Channel sales, Partner management, Business development | 
  `,
  marketing: `
    Positioning | Messaging, Product marketing | Go-to-market
    Copywriting | Content writing, Copy | UX writing, Content strategy
    SEO | Search engine optimisation, Search engine optimization | Content strategy
    Paid social | Facebook Ads, Meta Ads, LinkedIn Ads | Google Ads
    Google Ads | Google AdWords, AdWords, SEM, PPC | Paid social
    Marketo | Marketing automation, Pardot | HubSpot, Lifecycle email
    Lifecycle email | Email marketing, CRM marketing | Marketo
    Content strategy | Content marketing | Copywriting, SEO
    Analytics | Google Analytics, GA4, Web analytics | Amplitude
    Brand | Branding, Brand management | Positioning
    Events | Event management, Field marketing | 
    Go-to-market | GTM, Launches, Product launches | Positioning
  `,
  customer_success: `
    Onboarding | Customer onboarding, Implementation | Training
    Renewals | Retention, Upsell | Churn reduction, Account management
    Zendesk | Freshdesk, Help desk | Intercom
    Gainsight | ChurnZero | Renewals
    Intercom | Live chat | Zendesk
    Churn reduction | Churn prevention | Renewals
    Account management | Key account management, KAM | Renewals
    Training | Customer training, Enablement | Onboarding
    Escalation management | Escalations, Incident management | 
    Customer success | Customer success management, CSM | Account management, Renewals, Onboarding
    Customer support | Customer service, Technical support, Tier-one support, Tier 1 support | Zendesk, Customer success
  `,
  operations: `
    Process improvement | Operational excellence, Business process improvement | Lean, Six Sigma
    Excel | Microsoft Excel, Spreadsheets, Google Sheets, אקסל | Financial modelling, SQL
    Lean | Lean manufacturing, Kaizen | Six Sigma, Process improvement
    Six Sigma | Lean Six Sigma, DMAIC | Lean
    Vendor management | Supplier management | Negotiation, Procurement
    Supply chain | Supply chain management, SCM | Logistics, Procurement
    Procurement | Purchasing, Strategic sourcing | Vendor management
    Logistics | Fleet management, Warehousing | Supply chain
    Project management | Program management, PMP, PMO, ניהול פרויקטים | Agile
    NetSuite | Oracle NetSuite, ERP, SAP | Excel
  `,
  finance: `
    Financial modelling | Financial modeling, Financial analysis, DCF | Excel, Forecasting
    GAAP | US GAAP | IFRS, Revenue recognition
    IFRS | | GAAP
    Budgeting | Budget planning, FP&A | Forecasting
    Revenue recognition | ASC 606, IFRS 15 | GAAP
    Audit | Auditing, Audits, Internal audit, External audit, SOX | GAAP
    Tax | Taxation, Tax compliance, מיסוי | Audit
    Payroll | Payroll administration, שכר | HRIS
    Accounting | Bookkeeping, General ledger, Month-end close, CPA, רואה חשבון | GAAP
  `,
  people: `
    Recruiting | Recruitment, Talent acquisition, Sourcing candidates, Sourcing, גיוס | Hiring, Greenhouse
    Employee relations | ER, Labour relations | Employment law
    Compensation | Compensation and benefits, Comp & Ben, Total rewards | Payroll
    HRIS | HR systems, BambooHR, HiBob | Workday
    Workday | Workday HCM | HRIS
    Performance management | Performance reviews | Learning & development
    Employment law | Labour law, Labor law, דיני עבודה | Employee relations
    Learning & development | L&D, Learning and development | Training
    Greenhouse | Lever, Applicant tracking systems, ATS | Recruiting
    LinkedIn Recruiter | LinkedIn sourcing | Recruiting
    DEI | Diversity equity and inclusion, Diversity and inclusion, D&I | 
  `,
  legal: `
    Contract drafting | Contracts, Commercial contracts | Negotiation
    Privacy law | Privacy, GDPR, Data protection, CCPA, HIPAA | Compliance
    Compliance | Regulatory compliance, AML, KYC, AML/KYC | Privacy law
    Corporate governance | Board governance, Company secretarial | Corporate law
    Litigation management | Litigation, Disputes | Contract drafting
    Corporate law | M&A, Mergers and acquisitions | Contract drafting
    Intellectual property | IP, Patents, Trademarks | 
  `,
  general: `
    Communication | Written communication, Verbal communication | Public speaking
    Mentoring | Coaching | Hiring
    Agile | Scrum, Kanban | Jira, Project management
    Public speaking | Presentations, Presenting | Communication
    Remote collaboration | Remote work, Distributed teams | Communication
    Hiring | Interviewing, Team building | Recruiting, Mentoring
    Technical writing | Documentation | Copywriting
    Leadership | Team leadership, People management, Team management, ניהול צוות | Mentoring
    Hebrew | עברית | 
    English | אנגלית | 
    Arabic | ערבית | 
    Russian | רוסית | 
    Spanish | Español | 
    German | Deutsch | 
    French | Français | 
    Dutch | Nederlands | 
    Portuguese | Português | 
    Polish | Polski | 
  `,
}
